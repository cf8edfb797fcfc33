package org.amplify.experiments.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.assignments.SequentialAssignments;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.shortestpath.ShortestPath;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.domains.wildcard.WildcardSearch;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.models.OneTorchThread;

/**
 * The human-predictor command (a measurement, not a test): on each task, at its smallest size and its
 * first level of questions, SL, IA with H' and (unless left out) IA with H, from the same seed for the
 * same steps; then the {@code human-predictor} section of {@code docs/results.md} (calls to H against
 * SL's labels, final accuracy) and a chart per task, {@code docs/results/human-predictor-<task>.svg}.
 *
 * <p>Each run's points are kept in {@code docs/results/human-predictor/<task>-<mode>.csv} as soon as it
 * ends, and the section is written from every such file of the same step budget: so two commands on
 * different tasks can run at once (DJL trains one model at a time per process), and a command stopped
 * halfway loses only the run it was in.
 *
 * <pre>./mvnw -q test-compile exec:exec@human-predictor [-Dpredictor.steps=1500] [-Dpredictor.domains=a,b]
 *     [-Dpredictor.modes=SL,IA_HP,IA] [-Dpredictor.taskSteps=permutation-powering:3000]</pre>
 *
 * {@code predictor.taskSteps} gives some tasks their own step budget (every mode of the task).
 *
 * With {@code -Dpredictor.modes=} (none) it only writes the section again from the files.
 */
public final class HumanPredictorCommand {

    private static final long SEED = 4;
    private static final int TARGETS_PER_STEP = 64;
    static final double CALLS_SHARE = 0.01;
    private static final List<AlgorithmicDomain> ALL = List.of(new PermutationPowering(), new SequentialAssignments(),
            new WildcardSearch(), new ShortestPath(), new UnionFind());

    public static void main(String[] args) throws IOException {
        int steps = Integer.getInteger("predictor.steps", 1500);
        List<AlgorithmicDomain> domains = new ArrayList<>();
        String only = System.getProperty("predictor.domains", "");
        for (AlgorithmicDomain domain : ALL) {
            if (only.isBlank() || List.of(only.split(",")).contains(domain.name())) {
                domains.add(domain);
            }
        }
        List<Mode> modes = new ArrayList<>();
        for (String mode : System.getProperty("predictor.modes", "SL,IA_HP,IA").split(",")) {
            if (!mode.isBlank()) {
                modes.add(Mode.valueOf(mode.trim()));
            }
        }
        Path out = Path.of(System.getProperty("results.out", "docs"));
        Map<String, Integer> taskSteps = new LinkedHashMap<>();
        for (String pair : System.getProperty("predictor.taskSteps", "").split(",")) {
            if (!pair.isBlank()) {
                String[] taskAndSteps = pair.trim().split(":");
                taskSteps.put(taskAndSteps[0], Integer.parseInt(taskAndSteps[1]));
            }
        }
        PointFiles files = new PointFiles(out.resolve("results").resolve("human-predictor"),
                domain -> taskSteps.getOrDefault(domain.name(), steps));
        for (AlgorithmicDomain domain : domains) {
            for (Mode mode : modes) {
                files.write(domain, mode, run(domain, mode, files.steps(domain)));
                write(out, files.readAll(ALL), files); // after each run: nothing lost
            }
        }
        write(out, files.readAll(ALL), files); // with no mode (-Dpredictor.modes=), only this
        System.out.println("wrote the human-predictor section of " + out.resolve("results.md"));
    }

    /** One run, on one PyTorch thread (set on the thread that runs it: the setting is per thread). */
    private static List<ExperimentPoint> run(AlgorithmicDomain domain, Mode mode, int steps) {
        try (OneTorchThread oneThread = new OneTorchThread()) {
            ExperimentSettings settings = settings(domain, mode, steps);
            String name = domain.name() + ", " + mode.label();
            System.out.printf("%s: N = %d, level 1, %d steps%n", name, settings.size(), steps);
            TrainingRun.Result result = new TrainingRun(domain, settings, new Amplifier()).run(point -> System.out
                    .printf(Locale.ROOT, "  %s: step %5d  accuracy %.3f  calls to H %,d  labels %,d  H' %.3f%n", name,
                            point.step(), point.accuracy(), point.callsToH(), point.labels(), point.askerAccuracy()),
                    () -> false);
            result.model().close();
            return result.points();
        }
    }

    static ExperimentSettings settings(AlgorithmicDomain domain, Mode mode, int steps) {
        ExperimentSettings d = ExperimentSettings.defaults(domain.name(), mode, domain.minSize(), steps, SEED);
        return d.toBuilder().maxLevel(1).targetsPerStep(TARGETS_PER_STEP).evaluateEvery(Math.max(50, steps / 20)).build();
    }

    private static void write(Path out, Map<AlgorithmicDomain, Map<Mode, List<ExperimentPoint>>> results,
            PointFiles files) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## IA with H': fewer calls to the expert\n\n");
        md.append("Written by `./mvnw -q test-compile exec:exec@human-predictor` (steps per task in the table) on ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append("; do not edit by hand. Machine: ").append(ResultsReport.machine()).append(", one PyTorch "
                        + "thread a run. The points of every run are in `results/human-predictor/`.\n\n");
        md.append("Each task at its smallest size, questions of level 1 only (the smallest task on which IA learns "
                + "within this budget on 2 cores), seed ").append(SEED).append(", the same number of steps of 64 examples "
                        + "for every mode of a task. **SL** learns from ground-truth labels. **IA with H** "
                        + "amplifies ").append(TARGETS_PER_STEP).append(" questions a step with H, so every target is "
                        + "a call to H. **IA with H'** amplifies them with H', a small transformer that learns H's "
                        + "next action from H's transcripts in the same run; H is called for one new transcript a "
                        + "step while the training loss of H' per action is at least 0.1, one per 10 steps below it, one "
                        + "per 100 steps below 0.01 (the paper's schedule). The aim: calls to H at most 1 % of SL's "
                        + "labels, final accuracy at least 0.95 of SL's. \"H' predicts H\" is its exact-action "
                        + "accuracy on H's transcripts of 100 fixed questions at the end.\n\n");
        md.append("| task | N | steps | SL labels | SL accuracy | IA with H' calls to H | calls / labels | IA with H' accuracy "
                + "| / SL | H' predicts H | IA with H calls | IA with H accuracy | aim met |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> charts = new ArrayList<>();
        for (var entry : results.entrySet()) {
            AlgorithmicDomain domain = entry.getKey();
            Map<Mode, List<ExperimentPoint>> runs = entry.getValue();
            if (runs.isEmpty()) {
                continue;
            }
            ExperimentPoint sl = last(runs.get(Mode.SL));
            ExperimentPoint hp = last(runs.get(Mode.IA_HP));
            ExperimentPoint ia = last(runs.get(Mode.IA));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    domain.name(), domain.minSize(), files.steps(domain), sl == null ? "–" : String.format(Locale.ROOT, "%,d", sl.labels()),
                    accuracy(sl), hp == null ? "–" : String.format(Locale.ROOT, "%,d", hp.callsToH()),
                    sl == null || hp == null ? "–"
                            : String.format(Locale.ROOT, "%.2f %%", 100.0 * hp.callsToH() / sl.labels()),
                    accuracy(hp), sl == null || hp == null ? "–"
                            : String.format(Locale.ROOT, "%.2f", hp.accuracy() / sl.accuracy()),
                    hp == null ? "–" : String.format(Locale.ROOT, "%.3f", hp.askerAccuracy()),
                    ia == null ? "–" : String.format(Locale.ROOT, "%,d", ia.callsToH()), accuracy(ia),
                    sl == null || hp == null ? "–" : aimMet(hp, sl) ? "yes" : "**no**"));
            Map<String, List<ExperimentPoint>> lines = new LinkedHashMap<>();
            runs.forEach((mode, points) -> lines.put(mode.label(), points));
            String chart = "human-predictor-" + domain.name() + ".svg";
            ResultsFile.atomically(out.resolve("results").resolve(chart),
                    CurveChart.lines(domain.name() + ", level 1", lines));
            charts.add("[" + domain.name() + "](results/" + chart + ")");
        }
        md.append("\nThe curves (held-out accuracy against steps): ").append(String.join(" ", charts)).append("\n\n");
        md.append(shortfalls(results));
        md.append("\n").append(ResultsReport.resource("/human-predictor-notes.md"));
        ResultsFile.writeSection(out.resolve("results.md"), "human-predictor", md.toString());
    }

    static boolean aimMet(ExperimentPoint withPredictor, ExperimentPoint sl) {
        return withPredictor.callsToH() <= CALLS_SHARE * sl.labels()
                && withPredictor.accuracy() >= ResultsReport.ACCURACY_SHARE * sl.accuracy();
    }

    private static String shortfalls(Map<AlgorithmicDomain, Map<Mode, List<ExperimentPoint>>> results) {
        StringBuilder md = new StringBuilder();
        results.forEach((domain, runs) -> {
            ExperimentPoint sl = last(runs.get(Mode.SL));
            ExperimentPoint hp = last(runs.get(Mode.IA_HP));
            if (sl != null && hp != null && !aimMet(hp, sl)) {
                md.append(String.format(Locale.ROOT, "- **%s**: IA with H' ends at %.3f (%.2f of SL's %.3f) with %,d "
                        + "calls to H (%.2f %% of SL's labels)%s%n", domain.name(), hp.accuracy(),
                        hp.accuracy() / sl.accuracy(), sl.accuracy(), hp.callsToH(), 100.0 * hp.callsToH() / sl.labels(),
                        runs.containsKey(Mode.IA) ? String.format(Locale.ROOT, "; IA with H, with every target from "
                                + "H, ends at %.3f", last(runs.get(Mode.IA)).accuracy()) : ""));
            }
        });
        return md.isEmpty() ? "" : "Where IA with H' falls short of the aim:\n\n" + md;
    }

    private static ExperimentPoint last(List<ExperimentPoint> points) {
        return points == null || points.isEmpty() ? null : points.get(points.size() - 1);
    }

    private static String accuracy(ExperimentPoint point) {
        return point == null ? "–" : String.format(Locale.ROOT, "%.3f", point.accuracy());
    }
}
