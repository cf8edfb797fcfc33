package org.amplify.amplification;

import java.util.Locale;

/** The copies' agreement against the threshold: one rule and one wording for every domain. */
final class Agreement {

    private Agreement() {
    }

    /** Whether the majority's share reaches the threshold (within 1e-9, for shares like 2/3 read back as doubles). */
    static boolean reaches(double agreement, double threshold) {
        return agreement + 1e-9 >= threshold;
    }

    /** "2 of 3 copies agree, below the threshold of 67 %: a person should answer this." */
    static String below(long agreeing, int copies, double threshold) {
        return String.format(Locale.ROOT, "%d of %d copies agree, below the threshold of %.0f %%: a person should "
                + "answer this.", agreeing, copies, 100 * threshold);
    }
}
