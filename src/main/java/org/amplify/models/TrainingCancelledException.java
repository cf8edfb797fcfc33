package org.amplify.models;

/** Training stopped because it was asked to; nothing was kept. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException(int stepsDone, int totalSteps) {
        super("training was cancelled after " + stepsDone + " of " + totalSteps + " steps");
    }
}
