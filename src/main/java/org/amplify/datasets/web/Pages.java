package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/** The schemas of a paged export ({@code Accept: application/json}). */
final class Pages {

    private Pages() {
    }

    @Schema(name = "TranscriptPage", description = "A page of transcripts; the same records as the JSON Lines export")
    record TranscriptPage(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED)) List<TranscriptRecord> items,
            @Schema(description = "pass it as ?cursor= for the next page; null after the last page",
                    example = "djE6dDo4MTI", nullable = true) String nextCursor) {}

    @Schema(name = "FeedbackPage", description = "A page of verdicts; the same records as the JSON Lines export")
    record FeedbackPage(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED)) List<FeedbackRecord> items,
            @Schema(description = "pass it as ?cursor= for the next page; null after the last page",
                    example = "djE6Zjoz", nullable = true) String nextCursor) {}
}
