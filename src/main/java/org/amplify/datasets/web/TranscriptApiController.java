package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.amplify.datasets.DatasetRejectedException;
import org.amplify.datasets.DatasetService;
import org.amplify.datasets.ExportFilter;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every submitted transcript, and every verdict, filtered: for researchers. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('RESEARCHER')")
@Tag(name = "Datasets")
class TranscriptApiController {

    private final DatasetService datasets;

    TranscriptApiController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GetMapping("/transcripts")
    @Operation(summary = "Submitted transcripts, oldest workspace first",
            description = "Every submitted workspace, whether in a snapshot or not." + ApiDocs.FILTERS
                    + ApiDocs.NEGOTIATION)
    @ApiResponse(responseCode = "200", description = "the transcripts", content = {
        @Content(mediaType = ExportResponses.NDJSON, schema = @Schema(implementation = TranscriptRecord.class),
                examples = @ExampleObject(name = "one line", value = ApiDocs.TRANSCRIPT_LINE)),
        @Content(mediaType = "application/json", schema = @Schema(implementation = Pages.TranscriptPage.class))})
    void transcripts(
            @Parameter(description = "only this domain's", example = "permutation-powering")
            @RequestParam(required = false) String domain,
            @Parameter(description = "submitted at or after: a date (its start, UTC) or a time with its offset",
                    example = "2025-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "submitted before: a time, or a date (up to the end of that day, UTC)",
                    example = "2025-01-31T12:00:00Z") @RequestParam(required = false) String to,
            @Parameter(description = "submitted by this user (user name)", example = "alice")
            @RequestParam(required = false) String expert,
            @Parameter(description = "with at least one verdict of this kind", example = "correct",
                    schema = @Schema(allowableValues = {"accept", "correct", "expand"}))
            @RequestParam(required = false) String verdict,
            @Parameter(description = "pages only: the nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "pages only: records per page, 1 to 1000 (default 100)", example = "100")
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        ExportFilter filter = datasets.filter(domain, from, to, expert, verdict);
        if (ExportResponses.wantsPages(request)) {
            ExportResponses.page(response, datasets.transcriptPage(filter, cursor, limit));
        } else {
            ExportResponses.lines(response, out -> datasets.writeTranscripts(filter, out));
        }
    }

    @GetMapping("/feedback")
    @Operation(summary = "Experts' verdicts on answers, oldest first",
            description = "Every accept, correct and expand, with the answer and the model version judged."
                    + ApiDocs.FILTERS + ApiDocs.NEGOTIATION)
    @ApiResponse(responseCode = "200", description = "the verdicts", content = {
        @Content(mediaType = ExportResponses.NDJSON, schema = @Schema(implementation = FeedbackRecord.class),
                examples = @ExampleObject(name = "one line", value = ApiDocs.FEEDBACK_LINE)),
        @Content(mediaType = "application/json", schema = @Schema(implementation = Pages.FeedbackPage.class))})
    void feedback(
            @Parameter(description = "only this domain's", example = "text")
            @RequestParam(required = false) String domain,
            @Parameter(description = "given at or after: a date (its start, UTC) or a time with its offset",
                    example = "2025-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "given before: a time, or a date (up to the end of that day, UTC)",
                    example = "2025-01-31") @RequestParam(required = false) String to,
            @Parameter(description = "given by this user (user name)", example = "alice")
            @RequestParam(required = false) String expert,
            @Parameter(description = "only this kind", example = "accept",
                    schema = @Schema(allowableValues = {"accept", "correct", "expand"}))
            @RequestParam(required = false) String verdict,
            @Parameter(description = "pages only: the nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "pages only: records per page, 1 to 1000 (default 100)", example = "100")
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        ExportFilter filter = datasets.filter(domain, from, to, expert, verdict);
        if (ExportResponses.wantsPages(request)) {
            ExportResponses.page(response, datasets.feedbackPage(filter, cursor, limit));
        } else {
            ExportResponses.lines(response, out -> datasets.writeFeedback(filter, out));
        }
    }

    @ExceptionHandler(DatasetRejectedException.class)
    ProblemDetail rejected(DatasetRejectedException e) {
        return ExportResponses.rejected(e);
    }
}
