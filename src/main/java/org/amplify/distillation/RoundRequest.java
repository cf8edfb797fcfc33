package org.amplify.distillation;

/**
 * What an admin asks for when starting a round.
 *
 * @param allTranscripts snapshot every completed transcript of the domain, not only those in no snapshot yet
 * @param autoPromote promote the new version if it beats the champion on the held-out part (null: the setting)
 * @param epochs passes over the training examples (null: the default)
 * @param seed fixes the held-out part and the training (null: 1)
 * @param majorityOnly train on the copies' majority answer only, not on their vote shares (for comparison)
 */
public record RoundRequest(String domain, Boolean allTranscripts, Boolean autoPromote, Integer epochs, Long seed,
        Boolean majorityOnly) {

    /** Whether to snapshot every completed transcript (absent: false). */
    public boolean snapshotAll() {
        return Boolean.TRUE.equals(allTranscripts);
    }

    /** Whether to train on the majority answers only (absent: false). */
    public boolean majorityTargetsOnly() {
        return Boolean.TRUE.equals(majorityOnly);
    }
}
