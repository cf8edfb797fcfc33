package org.amplify.distillation;

/** Where a round stands. */
public enum RoundStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
