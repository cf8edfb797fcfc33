package org.amplify.models;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Counts steps, reports them, and stops when asked. */
final class TrainingSteps {

    private final int total;
    private final IntConsumer progress;
    private final BooleanSupplier cancelled;
    private int done;

    TrainingSteps(int total, IntConsumer progress, BooleanSupplier cancelled) {
        this.total = total;
        this.progress = progress == null ? steps -> {} : progress;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new TrainingCancelledException(done, total);
        }
    }

    void stepDone() {
        progress.accept(++done);
    }
}
