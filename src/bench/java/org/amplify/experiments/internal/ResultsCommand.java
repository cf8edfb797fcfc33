package org.amplify.experiments.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * The results command (a measurement, not a test): IA and SL on each of the five tasks at its
 * default size with the default settings and the same step budget, then {@code docs/results.md} with
 * the numbers and {@code docs/results/<domain>.svg} with the curves.
 *
 * <pre>./mvnw -q test-compile exec:exec@results [-Dresults.steps=3000] [-Dresults.domains=a,b]</pre>
 */
public final class ResultsCommand {

    private static final long SEED = 1;

    public static void main(String[] args) throws IOException {
        int steps = Integer.getInteger("results.steps", 3000);
        String only = System.getProperty("results.domains", "");
        Path out = Path.of(System.getProperty("results.out", "docs"));
        List<AlgorithmicDomain> domains = new ArrayList<>(List.of(new PermutationPowering(),
                new SequentialAssignments(), new WildcardSearch(), new ShortestPath(), new UnionFind()));
        if (!only.isBlank()) {
            List<String> names = List.of(only.split(","));
            domains.removeIf(d -> !names.contains(d.name()));
        }
        Map<AlgorithmicDomain, Map<Mode, RunSummary>> results = new LinkedHashMap<>();
        long started = System.currentTimeMillis();
        for (AlgorithmicDomain domain : domains) {
            Map<Mode, RunSummary> byMode = new LinkedHashMap<>();
            for (Mode mode : new Mode[] {Mode.SL, Mode.IA}) {
                ExperimentSettings settings = settings(domain, mode, steps);
                System.out.printf("%s %s N=%d, %d steps%n", domain.name(), mode, settings.size(), steps);
                TrainingRun run = new TrainingRun(domain, settings, new Amplifier());
                TrainingRun.Result result = run.run(p -> System.out.printf("  step %5d  accuracy %.3f  loss %.3f%n",
                        p.step(), p.accuracy(), p.loss()), () -> false);
                try (var model = result.model()) {
                    byMode.put(mode, new RunSummary(settings, result.points(), model.skippedSteps()));
                }
            }
            results.put(domain, byMode);
            write(out, results, steps, System.currentTimeMillis() - started); // after each task: nothing lost
        }
        System.out.println("wrote " + out.resolve("results.md"));
    }

    static ExperimentSettings settings(AlgorithmicDomain domain, Mode mode, int steps) {
        ExperimentSettings d = ExperimentSettings.defaults(domain.name(), mode, domain.defaultSize(), steps, SEED);
        int every = Math.max(50, steps / 30);
        return d.toBuilder().evaluateEvery(every).build();
    }

    private static void write(Path out, Map<AlgorithmicDomain, Map<Mode, RunSummary>> results, int steps,
            long wallMillis) throws IOException {
        for (var entry : results.entrySet()) {
            ResultsFile.atomically(out.resolve("results").resolve(entry.getKey().name() + ".svg"),
                    CurveChart.svg(entry.getKey().name(), entry.getValue()));
        }
        ResultsFile.writeTop(out.resolve("results.md"), ResultsReport.markdown(results, steps, wallMillis));
    }

    /** One finished run: its settings, its points, and the steps X skipped for non-finite gradients. */
    record RunSummary(ExperimentSettings settings, List<ExperimentPoint> points, long skippedSteps) {

        ExperimentPoint last() {
            return points.get(points.size() - 1);
        }

        /** The first evaluated step with at least this accuracy, or -1. */
        int stepsTo(double accuracy) {
            return points.stream().filter(p -> p.accuracy() >= accuracy).mapToInt(ExperimentPoint::step)
                    .findFirst().orElse(-1);
        }
    }
}
