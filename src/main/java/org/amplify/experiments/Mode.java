package org.amplify.experiments;

/** How X gets its targets. */
public enum Mode {
    /** Iterated amplification: targets from Amplify^H(teacher X); ground truth only for evaluation. */
    IA,
    /** Supervised learning, the baseline: targets are ground-truth answers. */
    SL
}
