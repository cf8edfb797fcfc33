package org.amplify.experiments;

/** How X gets its targets. */
public enum Mode {
    /** Iterated amplification: targets from Amplify^H(teacher X); ground truth only for evaluation. */
    IA("IA with H"),
    /**
     * Iterated amplification with H', a model of H trained on H's transcripts in the same run: targets
     * from Amplify^H'(teacher X), and H called less and less as H' gets good.
     */
    IA_HP("IA with H'"),
    /** Supervised learning, the baseline: targets are ground-truth answers. */
    SL("SL");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The mode for people. */
    public String label() {
        return label;
    }

    /** Whether X learns from amplified targets (IA, with H or H'). */
    public boolean amplified() {
        return this != SL;
    }
}
