package org.amplify.experiments.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.domains.assignments.SequentialAssignments;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.shortestpath.ShortestPath;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.domains.wildcard.WildcardSearch;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.models.ModelSize;

/**
 * Prints a learning curve: {@code TrainingRunProbe IA|SL steps [key=value ...]} with keys domain,
 * size, lr, batch, maxLevel, seed, decay, targets, layers, width, heads, every, p (the expert's error rate),
 * threshold, thresholds (per level, comma-separated), window, maxSize (IA's size curriculum), curriculum=false.
 */
public final class TrainingRunProbe {

    public static void main(String[] args) {
        Mode mode = Mode.valueOf(args[0]);
        int steps = Integer.parseInt(args[1]);
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        Domains domains = new Domains(List.of(new PermutationPowering(), new SequentialAssignments(),
                new WildcardSearch(), new ShortestPath(), new UnionFind()));
        AlgorithmicDomain domain = domains.algorithmic().stream()
                .filter(d -> d.name().equals(options.getOrDefault("domain", "permutation-powering")))
                .findFirst().orElseThrow();
        int size = Integer.parseInt(options.getOrDefault("size", String.valueOf(domain.minSize())));
        ExperimentSettings base = ExperimentSettings.defaults(domain.name(), mode, size, steps,
                Long.parseLong(options.getOrDefault("seed", "1")));
        ModelSize model = new ModelSize(Integer.parseInt(options.getOrDefault("width", "64")),
                Integer.parseInt(options.getOrDefault("layers", "3")), Integer.parseInt(options.getOrDefault("heads", "4")), 4 * Integer.parseInt(options.getOrDefault("width", "64")));
        ExperimentSettings.Curriculum curriculum = base.curriculum();
        ExperimentSettings.Builder builder = base.toBuilder().model(model)
                .batch(Integer.parseInt(options.getOrDefault("batch", String.valueOf(base.training().batch()))))
                .learningRate(Float.parseFloat(options.getOrDefault("lr", String.valueOf(base.training().learningRate()))))
                .targetsPerStep(Integer.parseInt(options.getOrDefault("targets",
                        String.valueOf(base.amplification().targetsPerStep()))))
                .teacherDecay(Float.parseFloat(options.getOrDefault("decay",
                        String.valueOf(base.amplification().teacherDecay()))))
                .evaluateEvery(Integer.parseInt(options.getOrDefault("every",
                        String.valueOf(base.evaluation().evaluateEvery()))))
                .maxLevel(Integer.parseInt(options.getOrDefault("maxLevel", "0")))
                .expertErrorRate(Double.parseDouble(options.getOrDefault("p", "0")))
                .askerLearningRate(Float.parseFloat(options.getOrDefault("askerLr",
                        String.valueOf(base.humanPredictor().learningRate()))))
                .expertCallBudget(Long.parseLong(options.getOrDefault("budget", "0")))
                .curriculum(true)
                .curriculumThreshold(Double.parseDouble(options.getOrDefault("threshold",
                        String.valueOf(curriculum.threshold()))))
                .levelThresholds(options.containsKey("thresholds") ? Arrays.stream(options.get("thresholds").split(","))
                        .map(Double::valueOf).toList() : List.of())
                .curriculumWindow(Integer.parseInt(options.getOrDefault("window", String.valueOf(curriculum.window()))))
                .maxSize(Integer.parseInt(options.getOrDefault("maxSize", "0")));
        if ("false".equals(options.get("curriculum"))) {
            // as before: without the curriculum, its window, per-level thresholds and largest N at their defaults
            builder.curriculum(false).curriculumWindow(ExperimentSettings.DEFAULT_CURRICULUM_WINDOW)
                    .levelThresholds(List.of()).maxSize(0);
        }
        ExperimentSettings settings = builder.build();
        System.out.println(settings);
        TrainingRun run = new TrainingRun(domain, settings, new Amplifier());
        TrainingRun.Result result = run.run(p -> System.out.printf(
                "step %5d acc %.3f loss %.7f levels %d N %d calls %d labels %d H' %.3f %6d ms %s%n", p.step(), p.accuracy(),
                p.loss(), p.openLevels(), p.size(), p.callsToH(), p.labels(), p.askerAccuracy(), p.wallMillis(),
                p.accuracyByKind()), () -> false);
        try (var model2 = result.model()) {
            System.out.println("parameters " + model2.parameterCount() + " skipped " + model2.skippedSteps());
        }
    }
}
