package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.Map;
import org.amplify.datasets.RegisteredModel;

@Schema(name = "ModelVersion", description = "A registered model version of a domain, its metrics and its lineage")
record ModelResponse(
        @Schema(description = "the version's id", example = "7", requiredMode = RequiredMode.REQUIRED)
        long id,
        @Schema(description = "its domain", example = "text", requiredMode = RequiredMode.REQUIRED)
        String domain,
        @Schema(description = "1, 2, ... within the domain", example = "3", requiredMode = RequiredMode.REQUIRED)
        int version,
        @Schema(description = "IA or SL: an experiment; ROUND: a distillation round; IMPORT: imported; ENDPOINT: a "
                + "language model behind a chat-completions endpoint (no file)",
                allowableValues = {"IA", "SL", "ROUND", "IMPORT", "ENDPOINT"}, example = "ROUND",
                requiredMode = RequiredMode.REQUIRED)
        String kind,
        @Schema(description = "the version it was trained from, or null", example = "5", nullable = true)
        Long parentId,
        @Schema(description = "whether the copies serve it now", example = "true", requiredMode = RequiredMode.REQUIRED)
        boolean champion,
        @Schema(description = "SHA-256 of its file; null for an ENDPOINT, which has none",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", nullable = true)
        String sha256,
        @Schema(description = "what its trainer measured, e.g. accuracy, heldOutAccuracy, parentAccuracy, steps, "
                + "callsToH, labels, trainExamples, snapshotId (as registered; keys vary with the kind)",
                example = "{\"accuracy\": 0.93, \"trainExamples\": 192}", requiredMode = RequiredMode.REQUIRED)
        Map<String, Object> metrics,
        @ArraySchema(arraySchema = @Schema(description = "lineage: its parent, the parent's parent, ... up to the first "
                + "version of the line", requiredMode = RequiredMode.REQUIRED), schema = @Schema(example = "5"))
        List<Long> ancestors,
        @ArraySchema(arraySchema = @Schema(description = "lineage: the versions trained from it, oldest first",
                requiredMode = RequiredMode.REQUIRED), schema = @Schema(example = "9"))
        List<Long> children,
        @Schema(description = "the distillation round that trained it, or null", example = "12", nullable = true)
        Long roundId,
        @Schema(description = "the snapshot it was trained on (GET /api/v1/snapshots/{id}), or null", example = "12",
                nullable = true)
        Long snapshotId,
        @Schema(description = "the experiment that trained it (GET /api/v1/experiments/{id}), or null",
                example = "null", nullable = true)
        Long experimentId,
        @Schema(description = "when it was registered (UTC)", example = "2025-01-31T12:00:00.000000Z",
                format = "date-time", requiredMode = RequiredMode.REQUIRED)
        String createdAt) {

    static ModelResponse of(RegisteredModel m) {
        return new ModelResponse(m.id(), m.domain(), m.version(), m.kind(), m.parentId(), m.champion(), m.sha256(),
                m.metrics(), m.ancestors(), m.children(), m.roundId(), m.snapshotId(), m.experimentId(), m.createdAt());
    }
}
