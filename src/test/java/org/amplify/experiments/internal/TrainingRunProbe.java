package org.amplify.experiments.internal;

import org.amplify.amplification.Amplifier;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;

/** Prints a learning curve on permutation powering (N = 8): {@code TrainingRunProbe IA|SL steps [learning-rate]}. */
public final class TrainingRunProbe {

    public static void main(String[] args) {
        Mode mode = Mode.valueOf(args[0]);
        int steps = Integer.parseInt(args[1]);
        ExperimentSettings base = ExperimentSettings.defaults(PermutationPowering.NAME, mode, 8, steps, 1);
        float learningRate = args.length > 2 ? Float.parseFloat(args[2]) : base.learningRate();
        ExperimentSettings settings = new ExperimentSettings(base.domain(), base.mode(), base.size(), base.steps(),
                base.batch(), base.seed(), base.model(), learningRate, base.curriculum(), base.curriculumThreshold(),
                base.targetsPerStep(), base.bufferCapacity(), base.teacherDecay(), base.evaluateEvery(), base.heldOut());
        TrainingRun run = new TrainingRun(new PermutationPowering(), settings, new Amplifier());
        try (var result = new AutoCloseableResult(run.run(p -> System.out.printf(
                "step %5d acc %.3f loss %.3f levels %d calls %d labels %d %6d ms %s%n", p.step(), p.accuracy(),
                p.loss(), p.openLevels(), p.callsToH(), p.labels(), p.wallMillis(), p.accuracyByKind()), () -> false))) {
            System.out.println("parameters " + result.result.model().parameterCount());
        }
    }

    private record AutoCloseableResult(TrainingRun.Result result) implements AutoCloseable {
        @Override
        public void close() {
            result.model().close();
        }
    }
}
