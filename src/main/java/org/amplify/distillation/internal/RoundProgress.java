package org.amplify.distillation.internal;

import org.amplify.RunProgress;
import org.amplify.distillation.RoundPhase;

/**
 * Where a running round is: its phase, the steps done in it of {@code totalSteps}, and the latest
 * training loss (null: keep the one recorded).
 */
public record RoundProgress(RoundPhase phase, int step, int totalSteps, Double loss) implements RunProgress {

    static RoundProgress of(RoundPhase phase, int step, int totalSteps) {
        return new RoundProgress(phase, step, totalSteps, null);
    }

    @Override
    public long done() {
        return step;
    }

    @Override
    public long total() {
        return totalSteps;
    }
}
