package org.amplify.models;

/**
 * A training step met a loss that is not a finite number: the model diverged. The step is not
 * applied, so the weights stay as they were; lower the learning rate.
 */
public class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(float loss) {
        super("training diverged: the loss is " + loss + "; lower the learning rate");
    }
}
