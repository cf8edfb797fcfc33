package org.amplify.datasets;

/**
 * A frozen snapshot of a domain's transcripts, taken by a distillation round.
 *
 * @param createdAt UTC, {@code 2025-01-31T12:00:00.000000Z}
 * @param modelVersionId the model version the round trained on it, or null (none yet, failed, cancelled)
 */
public record Snapshot(long id, String domain, long roundId, String roundStatus, int size, String createdAt,
        Long modelVersionId) {
}
