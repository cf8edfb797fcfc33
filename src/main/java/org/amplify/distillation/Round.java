package org.amplify.distillation;

import java.time.Instant;
import java.util.Map;

/**
 * One distillation round of a domain.
 *
 * @param step steps done in the current phase, of {@code totalSteps} (the progress bar)
 * @param parentVersionId the champion it trained from (null: from scratch)
 * @param modelVersionId the version it registered (null until then)
 * @param promotionReason why its version was or was not promoted when the round ended, in words (null: none
 *     registered, or a round older than this field)
 * @param metrics held-out accuracy of the new version and of its parent on the same items, sizes, snapshot
 */
public record Round(long id, String domain, RoundStatus status, RoundPhase phase, int step, int totalSteps,
        Double loss, Long parentVersionId, Long modelVersionId, boolean promoted, String promotionReason,
        Map<String, Object> metrics,
        Long snapshotId, Integer snapshotSize, String errorMessage, String startedBy, boolean cancelRequested,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** From 0 to 1, over the phases (training weighs most). */
    public double progress() {
        if (status == RoundStatus.SUCCEEDED) {
            return 1;
        }
        return switch (phase) {
            case QUEUED -> 0;
            case SNAPSHOT -> 0.02;
            case TRAIN -> 0.05 + 0.85 * (totalSteps == 0 ? 0 : Math.min(1.0, (double) step / totalSteps));
            case EVALUATE -> 0.92;
            case REGISTER -> 0.96;
            case PROMOTE -> 0.98;
            case DONE -> 1;
        };
    }

    public Long durationMillis() {
        return startedAt == null ? null
                : (finishedAt == null ? Instant.now() : finishedAt).toEpochMilli() - startedAt.toEpochMilli();
    }
}
