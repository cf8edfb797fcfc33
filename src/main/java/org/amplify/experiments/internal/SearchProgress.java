package org.amplify.experiments.internal;

import org.amplify.RunProgress;

/** How far a running adversarial search is: its phase, and the share of its work done (0 to 1). */
record SearchProgress(AdversarialRound.Phase phase, double share) implements RunProgress {

    /** The bar JobRunr shows counts thousandths. */
    static final long PARTS = 1000;

    @Override
    public long done() {
        return Math.round(Math.max(0, Math.min(1, share)) * PARTS);
    }

    @Override
    public long total() {
        return PARTS;
    }
}
