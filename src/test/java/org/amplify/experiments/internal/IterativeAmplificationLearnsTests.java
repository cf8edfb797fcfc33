package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.models.ModelSize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof of learning, not a timed test: X trained by iterated amplification alone (targets from
 * Amplify^H(teacher X), H the programmatic expert of permutation powering; no ground-truth label for
 * any question X is trained on) answers at least 80 % of held-out questions right, with a fixed seed.
 * The task is small: N = 8 and the first level, σ^k(x) for k = 2 or 3, which H decomposes into reads
 * of single facts. Training stops as soon as an evaluation reaches 90 % or after 4 000 steps.
 *
 * <p>Why 80 % and not 90 %: measured on seeds 1–5 ({@code TrainingRunProbe IA 3000 maxLevel=1
 * targets=64 seed=S}, one thread, 2026-12-07), 4 of 5 seeds reach 90 % within 3 000 steps and the
 * fifth ends at 0.82–0.85, both before and after the training step was made faster (the faster
 * step rounds differently, so a seed's run leaves its plateau at another step). Every one of the 10
 * runs ended at 0.8 or more; a bar that one seed in five misses is not a test.
 */
class IterativeAmplificationLearnsTests {

    private static final double TARGET = 0.9;
    private static final double PASS = 0.8;

    @Test
    void iteratedAmplificationTeachesXPermutationPoweringAtASmallSize() {
        ExperimentSettings settings = ExperimentSettings.builder().domain(PermutationPowering.NAME).mode(Mode.IA)
                .size(8).steps(4000).seed(4).model(ModelSize.DEFAULT).targetsPerStep(64).evaluateEvery(250)
                .heldOut(500).maxLevel(1).build();
        List<ExperimentPoint> points = new ArrayList<>();
        TrainingRun run = new TrainingRun(new PermutationPowering(), settings, new Amplifier());

        TrainingRun.Result result = run.run(points::add,
                () -> !points.isEmpty() && points.get(points.size() - 1).accuracy() >= TARGET);
        result.model().close();

        ExperimentPoint last = points.get(points.size() - 1);
        System.out.printf("IA on permutation powering (N = 8, k = 2-3): held-out accuracy %.3f at step %d%n",
                last.accuracy(), last.step());
        assertThat(last.labels()).as("IA uses no ground-truth label").isZero();
        assertThat(last.callsToH()).isPositive();
        assertThat(points.get(0).accuracy()).as("X starts near in-context chance").isLessThan(0.5);
        assertThat(last.accuracy()).isGreaterThanOrEqualTo(PASS);
    }
}
