package org.amplify.experiments.internal;

import org.amplify.RunProgress;

/** How far a running experiment is: the training steps done, of its {@code steps}. */
record ExperimentProgress(int stepsDone, int steps) implements RunProgress {

    @Override
    public long done() {
        return stepsDone;
    }

    @Override
    public long total() {
        return steps;
    }
}
