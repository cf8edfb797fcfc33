package org.amplify.experiments.internal;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.experiments.SearchFigures;
import org.amplify.models.AnswerModel;

/**
 * The adversarial-search command (a measurement, not a test): trains a starting X by IA on the small
 * permutation-powering task (N = 8, σ^k(x) for k = 2 or 3), then for each seed runs the
 * {@link AdversarialRound} (search before, one round of training with the found cases fed in with
 * priority, search after, control without them), and writes the {@code adversarial} section of
 * {@code docs/results.md}.
 *
 * <pre>./mvnw -q test-compile exec:exec@adversarial [-Dadversarial.startSteps=1350] [-Dadversarial.queries=2000]
 *     [-Dadversarial.trainingSteps=100,300] [-Dadversarial.seeds=1,2,3,4,5]</pre>
 */
public final class AdversarialSearchCommand {

    private static final long START_SEED = 4;
    private static final int SIZE = 8;
    private static final int MAX_LEVEL = 1;

    public static void main(String[] args) throws IOException {
        Engine.getEngine("PyTorch"); // loads the native library
        JniUtils.setNumThreads(1); // much faster on 2 shared cores than two threads waiting for each other
        int startSteps = Integer.getInteger("adversarial.startSteps", 1350);
        int queries = Integer.getInteger("adversarial.queries", 2000);
        int[] trainingSteps = Arrays.stream(System.getProperty("adversarial.trainingSteps", "100,300").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        double mutationShare = Double.parseDouble(System.getProperty("adversarial.mutationShare", "0.5"));
        long[] seeds = Arrays.stream(System.getProperty("adversarial.seeds", "1,2,3,4,5").split(","))
                .mapToLong(s -> Long.parseLong(s.trim())).toArray();
        Path out = Path.of(System.getProperty("results.out", "docs"));
        PermutationPowering domain = new PermutationPowering();
        Amplifier amplifier = new Amplifier();
        long started = System.currentTimeMillis();

        ExperimentSettings settings = ExperimentSettings.defaults(domain.name(), Mode.IA, SIZE, startSteps, START_SEED)
                .toBuilder().maxLevel(MAX_LEVEL).targetsPerStep(64).evaluateEvery(Math.max(50, startSteps / 8)).build();
        System.out.printf("starting X: IA, permutation powering N = %d, k = 2-3, %d steps, seed %d%n", SIZE,
                startSteps, START_SEED);
        TrainingRun.Result start = new TrainingRun(domain, settings, amplifier).run(point -> System.out.printf(
                "  step %5d  accuracy %.3f  loss %.3f%n", point.step(), point.accuracy(), point.loss()), () -> false);
        ExperimentPoint startPoint = start.points().get(start.points().size() - 1);
        List<Row> rows = new ArrayList<>();
        try (AnswerModel x = start.model()) {
            for (int steps : trainingSteps) {
            for (long seed : seeds) {
                AdversarialRound.Settings round = new AdversarialRound.Settings(SIZE, MAX_LEVEL, queries, mutationShare,
                        steps, seed);
                AdversarialRound.Outcome outcome = new AdversarialRound(domain, amplifier, round).run(x,
                        (phase, done) -> { }, () -> false);
                outcome.trained().close();
                rows.add(new Row(steps, seed, outcome));
                System.out.printf(Locale.ROOT, "%d steps, seed %d: before %.1f (random %.1f, mutation %.1f), after %.1f, "
                                + "control %.1f per 1000 queries; %.1f s%n", steps, seed, outcome.before().perThousand(),
                        outcome.before().randomPerThousand(), outcome.before().mutationPerThousand(),
                        outcome.after().perThousand(), outcome.control().perThousand(), outcome.wallMillis() / 1000.0);
                write(out, rows, startPoint, startSteps, queries, mutationShare, trainingSteps, seeds,
                        System.currentTimeMillis() - started); // after each seed: nothing lost
            }
            }
        }
        System.out.println("wrote the adversarial section of " + out.resolve("results.md"));
    }

    private static void write(Path out, List<Row> rows, ExperimentPoint startPoint, int startSteps, int queries,
            double mutationShare, int[] trainingSteps, long[] seeds, long wallMillis) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## Adversarial search (security amplification)\n\n");
        md.append("Written by `./mvnw -q test-compile exec:exec@adversarial` (`-Dadversarial.startSteps=")
                .append(startSteps).append(" -Dadversarial.queries=").append(queries)
                .append(" -Dadversarial.trainingSteps=").append(join(trainingSteps)).append(" -Dadversarial.seeds=")
                .append(join(seeds)).append("`) on ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append("; do not edit by hand. Machine: ").append(ResultsReport.machine()).append(". Wall time: ")
                .append(ResultsReport.minutes(wallMillis)).append(".\n\n");
        md.append(String.format(Locale.ROOT, """
                X: IA on the small permutation-powering task (N = 8, σ^k(x) for k = 2 or 3, seed %d, 64 amplified \
                targets a step) stopped at step %d, held-out accuracy %.3f: good, not perfect (this run's accuracy \
                jumps from about 0.3 to 0.97 between steps 1 000 and 1 350 and is 0.999 at 1 500; at 800 steps X \
                answered about 0.3 right, so nearly every query was a disagreement). For each seed, the \
                search spends %,d queries (a query: one question amplified by Amplify^H(X) and answered by X): %.0f %% \
                on random questions, then the rest on mutations of the %d cases where X gives the amplified target the \
                least probability (a fresh question on the same context, one token of the question redrawn, or two \
                facts of the context swapped; no pair asked twice). A disagreement is a query where X's answer is not \
                Amplify^H(X)'s. Then one round of IA training from X (%s steps), with half of each batch of %d drawn \
                from the cases found (their Amplify^H(X) targets) and half from fresh amplified targets; X after it is \
                searched again with a fresh seed (seed + 2) and the same budget ("after"). The control trains another \
                copy of X for the same steps on fresh amplified targets only, and is searched with that same fresh \
                seed. At k ≤ 3 every subquestion H asks is primitive, so Amplify^H(X) is the true answer here: a \
                disagreement is a mistake of X (the "wrong" column counts them against the ground truth, which the \
                search never uses). Held-out accuracy: 1 000 questions, ground truth.

                """, START_SEED, startPoint.step(), startPoint.accuracy(), queries, 100 * (1 - mutationShare),
                AdversarialSearch.POOL, join(trainingSteps).replace(",", " or "), AdversarialRound.BATCH));
        md.append("Disagreements per 1 000 queries, overall (random phase / mutation phase):\n\n");
        md.append("| training steps | seed | before | found (wrong) | after: trained with priority | control: trained "
                + "without | held-out accuracy before / after / control | wall time |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (int steps : trainingSteps) {
            List<Row> group = rows.stream().filter(r -> r.steps() == steps).toList();
            for (Row row : group) {
                AdversarialRound.Outcome o = row.outcome();
                md.append(String.format(Locale.ROOT, "| %d | %d | %s | %d (%d) | %s | %s | %.3f / %.3f / %.3f | %.0f s |%n",
                        steps, row.seed(), rates(o.before()), o.before().disagreements(), o.before().wrong(),
                        rates(o.after()), rates(o.control()), o.before().heldOutAccuracy(),
                        o.after().heldOutAccuracy(), o.control().heldOutAccuracy(), o.wallMillis() / 1000.0));
            }
            if (group.isEmpty()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %d | **median** | **%.1f** (%.1f / %.1f) | | **%.1f** (%.1f / %.1f) "
                            + "| **%.1f** (%.1f / %.1f) | %.3f / %.3f / %.3f | |%n", steps,
                    median(group, o -> o.before().perThousand()), median(group, o -> o.before().randomPerThousand()),
                    median(group, o -> o.before().mutationPerThousand()), median(group, o -> o.after().perThousand()),
                    median(group, o -> o.after().randomPerThousand()), median(group, o -> o.after().mutationPerThousand()),
                    median(group, o -> o.control().perThousand()), median(group, o -> o.control().randomPerThousand()),
                    median(group, o -> o.control().mutationPerThousand()),
                    median(group, o -> o.before().heldOutAccuracy()), median(group, o -> o.after().heldOutAccuracy()),
                    median(group, o -> o.control().heldOutAccuracy())));
        }
        for (int steps : trainingSteps) {
            List<Row> group = rows.stream().filter(r -> r.steps() == steps).toList();
            long lower = group.stream().filter(r -> r.outcome().after().perThousand()
                    < r.outcome().control().perThousand()).count();
            long higher = group.stream().filter(r -> r.outcome().after().perThousand()
                    > r.outcome().control().perThousand()).count();
            md.append(String.format(Locale.ROOT, "%nAfter %d steps, training with the found cases gave a lower rate "
                    + "than the control in %d of %d seeds, a higher one in %d.", steps, lower, group.size(), higher));
        }
        md.append("\n");
        md.append("\nThe random phase's rate is what X's error rate on the task's question distribution gives; the "
                + "mutation phase's rate is what searching near the worst cases adds. \"After\" against \"control\" "
                + "tells whether the cases found, not only more training, lowered the rate.\n");
        ResultsFile.writeSection(out.resolve("results.md"), "adversarial", md.toString());
    }

    private static String rates(SearchFigures figures) {
        return String.format(Locale.ROOT, "%.1f (%.1f / %.1f)", figures.perThousand(), figures.randomPerThousand(),
                figures.mutationPerThousand());
    }

    private static String join(int[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Integer::toString).toList());
    }

    private static String join(long[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Long::toString).toList());
    }

    private static double median(List<Row> rows, ToDoubleFunction<AdversarialRound.Outcome> figure) {
        double[] values = rows.stream().map(Row::outcome).mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private record Row(int steps, long seed, AdversarialRound.Outcome outcome) {}
}
