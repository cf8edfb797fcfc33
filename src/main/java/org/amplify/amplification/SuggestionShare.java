package org.amplify.amplification;

/**
 * How often the suggestions of one text model version were taken.
 *
 * @param shown suggestions shown (each counted once per workspace)
 * @param taken of those, how many an expert took with one click
 */
public record SuggestionShare(long modelVersionId, Integer modelVersion, long shown, long taken) {

    /** The share taken, in [0, 1]; 0 when none was shown. */
    public double share() {
        return shown == 0 ? 0 : (double) taken / shown;
    }
}
