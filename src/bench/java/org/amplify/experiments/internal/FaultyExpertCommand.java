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
import java.util.TreeMap;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.models.ModelSize;

/**
 * The faulty-expert command (a measurement, not a test): IA on the small permutation-powering task
 * (N = 8, σ^k(x) for k = 2 or 3, the task {@code IterativeAmplificationLearnsTests} uses) with H
 * answering wrongly with probability p, for each p; then the {@code faulty-expert} section of
 * {@code docs/results.md} and {@code docs/results/faulty-expert.svg}.
 *
 * <pre>./mvnw -q test-compile exec:exec@faulty-expert [-Dfaulty.steps=2000] [-Dfaulty.rates=0,0.01,0.1] (run in that order, written by rate)</pre>
 */
public final class FaultyExpertCommand {

    private static final long SEED = 4;

    public static void main(String[] args) throws IOException {
        int steps = Integer.getInteger("faulty.steps", 2000);
        List<Double> rates = new ArrayList<>();
        for (String rate : System.getProperty("faulty.rates", "0,0.01,0.1").split(",")) {
            rates.add(Double.parseDouble(rate.trim()));
        }
        Path out = Path.of(System.getProperty("results.out", "docs"));
        PermutationPowering domain = new PermutationPowering();
        Map<Double, Run> runs = new TreeMap<>(); // in the file by rate, whatever order they ran in
        long started = System.currentTimeMillis();
        for (double p : rates) {
            ExperimentSettings settings = ExperimentSettings.defaults(domain.name(), Mode.IA, 8, steps, SEED).toBuilder()
                    .model(ModelSize.DEFAULT).targetsPerStep(64).evaluateEvery(Math.max(50, steps / 20)).heldOut(1000)
                    .maxLevel(1).expertErrorRate(p).build();
            System.out.printf("IA, permutation powering N = 8, k = 2-3, expert error rate %s, %d steps%n", p, steps);
            TrainingRun run = new TrainingRun(domain, settings, new Amplifier());
            TrainingRun.Result result = run.run(point -> System.out.printf("  step %5d  accuracy %.3f  loss %.3f%n",
                    point.step(), point.accuracy(), point.loss()), () -> false);
            result.model().close();
            runs.put(p, new Run(settings, result.points(), run.faults()));
            write(out, runs, steps, System.currentTimeMillis() - started); // after each run: nothing lost
        }
        System.out.println("wrote the faulty-expert section of " + out.resolve("results.md"));
    }

    private static void write(Path out, Map<Double, Run> runs, int steps, long wallMillis) throws IOException {
        Map<String, List<ExperimentPoint>> lines = new LinkedHashMap<>();
        runs.forEach((p, run) -> lines.put("p = " + p, run.points()));
        ResultsFile.atomically(out.resolve("results").resolve("faulty-expert.svg"),
                CurveChart.lines("IA with a faulty expert (permutation, N = 8, k = 2-3)", lines));
        StringBuilder md = new StringBuilder();
        md.append("## A faulty expert\n\n");
        md.append("Written by `./mvnw -q test-compile exec:exec@faulty-expert` (`-Dfaulty.steps=").append(steps)
                .append("`) on ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append("; do not edit by hand. Machine: ").append(ResultsReport.machine()).append(". Wall time: ")
                .append(ResultsReport.minutes(wallMillis)).append(".\n\n");
        md.append("IA on the small permutation-powering task (N = 8, σ^k(x) for k = 2 or 3; seed ").append(SEED)
                .append(", 64 amplified targets a step) with H answering wrongly with probability p: each final answer "
                        + "H combined is replaced, with probability p, by another answer of the same step (a wrong "
                        + "answer of the right kind). The teacher learns from those targets, so its mistakes come back "
                        + "in later targets. Accuracy is on 1 000 held-out questions (ground truth).\n\n");
        md.append("| p | wrong answers given by H | calls to H | final accuracy | steps to 90 % | steps to 95 % | wall time |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        runs.forEach((p, run) -> {
            ExperimentPoint last = run.points().get(run.points().size() - 1);
            md.append(String.format(Locale.ROOT, "| %s | %,d (%.2f %%) | %,d | %.3f | %s | %s | %s |%n", p, run.faults(),
                    100.0 * run.faults() / Math.max(1, last.callsToH()), last.callsToH(), last.accuracy(),
                    ResultsReport.steps(run.stepsTo(0.90)), ResultsReport.steps(run.stepsTo(0.95)),
                    ResultsReport.minutes(last.wallMillis())));
        });
        md.append("\n![IA with a faulty expert](results/faulty-expert.svg)\n");
        ResultsFile.writeSection(out.resolve("results.md"), "faulty-expert", md.toString());
    }

    private record Run(ExperimentSettings settings, List<ExperimentPoint> points, long faults) {

        int stepsTo(double accuracy) {
            return points.stream().filter(p -> p.accuracy() >= accuracy).mapToInt(ExperimentPoint::step).findFirst()
                    .orElse(-1);
        }
    }
}
