package org.amplify.domains;

import java.util.random.RandomGenerator;

/**
 * Levels of a question that carries a bound k (1..16) on how far it looks: bounds 1 | 2 | 3-4 | 5-8 |
 * 9-16 are levels 1 to 5, so each level doubles the reach of the one before. Shortest path and
 * union-find share them.
 */
public final class BoundLevels {

    /** Five levels: bounds up to 16. */
    public static final int LEVELS = 5;

    private BoundLevels() {
    }

    /** The level of a question with bound k ≥ 1. */
    public static int level(int bound) {
        return bound == 1 ? 1 : 2 + (31 - Integer.numberOfLeadingZeros(bound - 1));
    }

    /** A bound drawn uniformly from those of the level. */
    public static int randomBound(int level, RandomGenerator random) {
        int low = low(level);
        return low + random.nextInt(high(level) - low + 1);
    }

    /** The bounds of the level as people read them: {@code "1"}, {@code "2"}, {@code "3-4"}, … */
    public static String range(int level) {
        return level <= 2 ? Integer.toString(level) : low(level) + "-" + high(level);
    }

    private static int low(int level) {
        return level == 1 ? 1 : (1 << (level - 2)) + 1;
    }

    private static int high(int level) {
        return 1 << (level - 1);
    }
}
