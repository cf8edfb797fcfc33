package org.amplify.experiments;

/** Where an experiment stands. Only QUEUED and RUNNING are unfinished. */
public enum ExperimentStatus {
    /** waiting for a worker */
    QUEUED,
    /** training on a worker; points arrive */
    RUNNING,
    /** ran all its steps; its model is registered */
    SUCCEEDED,
    /** the run threw; the message says why. Never retried */
    FAILED,
    /** an admin cancelled it; the points made so far are kept (and the model, if it had started) */
    CANCELLED,
    /** the application stopped or died while it was queued or running; its points are kept */
    INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
