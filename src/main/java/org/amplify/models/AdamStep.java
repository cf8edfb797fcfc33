package org.amplify.models;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.function.Function;

/**
 * The guarded Adam step every model trains with: a loss that is not a finite number stops training
 * ({@link TrainingDivergedException}, the step not applied); a step whose gradients are not finite
 * although its loss is is skipped (see {@link Gradients}), and more than {@value #MAX_SKIPPED_IN_A_ROW}
 * skipped in a row count as diverged. Owns the model's trainer ({@link AdamTraining}), made at the
 * first step.
 */
final class AdamStep implements AutoCloseable {

    static final int MAX_SKIPPED_IN_A_ROW = 10;

    private final Model model;
    private final Block block;
    private final float learningRate;
    private final int warmUpSteps;
    private Trainer trainer;
    private long skipped;
    private int skippedInARow;

    /** @param warmUpSteps see {@link AdamTraining#trainer} */
    AdamStep(Model model, Block block, float learningRate, int warmUpSteps) {
        this.model = model;
        this.block = block;
        this.learningRate = learningRate;
        this.warmUpSteps = warmUpSteps;
    }

    /** The model's trainer, made the first time it is asked for. */
    Trainer trainer() {
        if (trainer == null) {
            trainer = AdamTraining.trainer(model, learningRate, warmUpSteps);
        }
        return trainer;
    }

    /**
     * One step: the loss (a scalar made in {@code step} by a forward pass of the trainer it is given),
     * its backward pass, then Adam's update unless the gradients are not finite.
     *
     * @return the loss before the step
     * @throws TrainingDivergedException if the loss is not finite, or too many steps were skipped in a row
     */
    float take(NDManager step, Function<Trainer, NDArray> loss) {
        Trainer active = trainer();
        float value;
        try (GradientCollector collector = Gradients.collector(active)) {
            NDArray scalar = loss.apply(active);
            value = scalar.getFloat();
            if (!Float.isFinite(value)) {
                throw new TrainingDivergedException(value);
            }
            collector.backward(scalar);
        }
        if (!Gradients.finite(block, step)) {
            skipped++;
            if (++skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                throw new TrainingDivergedException(Float.NaN);
            }
            Gradients.zero(block); // see Gradients: PyTorch's CPU backward now and then gives NaN
            return value;
        }
        skippedInARow = 0;
        active.step();
        return value;
    }

    /** Steps skipped so far because their gradients were not finite. */
    long skipped() {
        return skipped;
    }

    /** Closes the trainer, if one was made (not the model). */
    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
    }
}
