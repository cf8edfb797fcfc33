package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.amplify.datasets.Snapshot;

@Schema(name = "Snapshot", description = "A frozen set of a domain's transcripts, taken by a distillation round "
        + "(dataset k of round k); it never changes, and exports the same bytes every time")
record SnapshotResponse(
        @Schema(description = "the snapshot's id", example = "12", requiredMode = RequiredMode.REQUIRED)
        long id,
        @Schema(description = "the domain of its transcripts", example = "text", requiredMode = RequiredMode.REQUIRED)
        String domain,
        @Schema(description = "the distillation round that took it", example = "12", requiredMode = RequiredMode.REQUIRED)
        long roundId,
        @Schema(description = "that round's status", example = "SUCCEEDED", allowableValues = {"QUEUED", "RUNNING",
            "SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED"}, requiredMode = RequiredMode.REQUIRED)
        String roundStatus,
        @Schema(description = "the number of transcripts", example = "240", requiredMode = RequiredMode.REQUIRED)
        int size,
        @Schema(description = "when it was taken (UTC)", example = "2025-01-31T12:00:00.000000Z", format = "date-time",
                requiredMode = RequiredMode.REQUIRED)
        String createdAt,
        @Schema(description = "the model version the round trained on it (GET /api/v1/models/{id}), or null",
                example = "7", nullable = true)
        Long modelVersionId,
        @Schema(description = "where to export its transcripts", example = "/api/v1/snapshots/12/transcripts",
                requiredMode = RequiredMode.REQUIRED)
        String transcripts) {

    static SnapshotResponse of(Snapshot s) {
        return new SnapshotResponse(s.id(), s.domain(), s.roundId(), s.roundStatus(), s.size(), s.createdAt(),
                s.modelVersionId(), "/api/v1/snapshots/" + s.id() + "/transcripts");
    }
}
