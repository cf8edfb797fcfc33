package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The schema of one verdict, as the feedback export writes it (written by PostgreSQL, documented
 * here; a test checks every exported record has exactly these fields).
 */
@Schema(name = "Feedback", description = "One verdict of an expert on a subquestion's answer, with what it judged. "
        + "Fields in this order; timestamps UTC with microseconds.")
record FeedbackRecord(
        @Schema(description = "the verdict's id", example = "311", requiredMode = RequiredMode.REQUIRED)
        long id,
        @Schema(description = "the workspace (transcript) of the subquestion", example = "812",
                requiredMode = RequiredMode.REQUIRED)
        long transcriptId,
        @Schema(description = "whether that workspace is submitted (only submitted ones are transcripts)",
                example = "true", requiredMode = RequiredMode.REQUIRED)
        boolean transcriptSubmitted,
        @Schema(description = "the tree", example = "97", requiredMode = RequiredMode.REQUIRED)
        long treeId,
        @Schema(description = "the tree's domain", example = "permutation-powering", requiredMode = RequiredMode.REQUIRED)
        String domain,
        @Schema(description = "the subquestion judged", example = "5521", requiredMode = RequiredMode.REQUIRED)
        long subquestionId,
        @Schema(description = "its text", example = "ab 0 0 0 0 1 0", requiredMode = RequiredMode.REQUIRED)
        String subquestion,
        @Schema(description = "the answer judged, or null when there was none", example = "9001", nullable = true)
        Long judgedAnswerId,
        @Schema(description = "its text", example = "ef", nullable = true)
        String judgedAnswer,
        @Schema(description = "where it came from", allowableValues = {"PRIMITIVE", "MEMORY", "MODEL", "PERSON",
            "UNANSWERED"}, example = "MODEL", nullable = true)
        String judgedSource,
        @Schema(description = "ACCEPT, CORRECT (with correctedAnswer) or EXPAND", allowableValues = {"ACCEPT",
            "CORRECT", "EXPAND"}, example = "CORRECT", requiredMode = RequiredMode.REQUIRED)
        String verdict,
        @Schema(description = "the right answer (CORRECT only)", example = "gh", nullable = true)
        String correctedAnswer,
        @Schema(description = "the model version whose answer was judged, or null", example = "4", nullable = true)
        Long modelVersionId,
        @Schema(description = "who gave the verdict", example = "3", requiredMode = RequiredMode.REQUIRED)
        long expertId,
        @Schema(description = "their user name", example = "alice", requiredMode = RequiredMode.REQUIRED)
        String expert,
        @Schema(description = "when (UTC)", example = "2025-01-31T12:02:10.000000Z", format = "date-time",
                requiredMode = RequiredMode.REQUIRED)
        String createdAt) {
}
