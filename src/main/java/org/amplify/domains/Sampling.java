package org.amplify.domains;

import java.util.random.RandomGenerator;

/** Random draws the generators share; all take the caller's seeded random source. */
public final class Sampling {

    private Sampling() {}

    /** 0..n-1 in a uniformly random order (Fisher-Yates). */
    public static int[] shuffledIndices(int n, RandomGenerator random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
