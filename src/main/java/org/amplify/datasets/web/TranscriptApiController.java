package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every submitted transcript, and every verdict, filtered: for researchers. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('RESEARCHER')")
@Tag(name = "Datasets")
class TranscriptApiController {

    private final DatasetService datasets;
    private final ContentNegotiationManager negotiation;

    TranscriptApiController(DatasetService datasets, ContentNegotiationManager negotiation) {
        this.datasets = datasets;
        this.negotiation = negotiation;
    }

    @GetMapping(value = "/transcripts", produces = {ExportResponses.NDJSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Submitted transcripts, oldest workspace first",
            description = "Every submitted workspace, whether in a snapshot or not." + ApiDocs.FILTERS
                    + ApiDocs.NEGOTIATION)
    @ApiResponse(responseCode = "200", description = "the transcripts", content = {
        @Content(mediaType = ExportResponses.NDJSON, schema = @Schema(implementation = TranscriptRecord.class),
                examples = @ExampleObject(name = "one line", value = ApiDocs.TRANSCRIPT_LINE)),
        @Content(mediaType = "application/json", schema = @Schema(implementation = Pages.TranscriptPage.class))})
    void transcripts(@ParameterObject ExportQuery query, HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        ExportFilter filter = query.filter(datasets);
        if (ExportResponses.wantsPages(negotiation, request)) {
            ExportResponses.page(response, datasets.transcriptPage(filter, query.cursor(), query.limit()));
        } else {
            ExportResponses.lines(response, out -> datasets.writeTranscripts(filter, out));
        }
    }

    @GetMapping(value = "/feedback", produces = {ExportResponses.NDJSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Experts' verdicts on answers, oldest first",
            description = "Every accept, correct and expand, with the answer and the model version judged."
                    + ApiDocs.FILTERS + ApiDocs.NEGOTIATION)
    @ApiResponse(responseCode = "200", description = "the verdicts", content = {
        @Content(mediaType = ExportResponses.NDJSON, schema = @Schema(implementation = FeedbackRecord.class),
                examples = @ExampleObject(name = "one line", value = ApiDocs.FEEDBACK_LINE)),
        @Content(mediaType = "application/json", schema = @Schema(implementation = Pages.FeedbackPage.class))})
    void feedback(@ParameterObject ExportQuery query, HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        ExportFilter filter = query.filter(datasets);
        if (ExportResponses.wantsPages(negotiation, request)) {
            ExportResponses.page(response, datasets.feedbackPage(filter, query.cursor(), query.limit()));
        } else {
            ExportResponses.lines(response, out -> datasets.writeFeedback(filter, out));
        }
    }

    @ExceptionHandler(DatasetRejectedException.class)
    ProblemDetail rejected(DatasetRejectedException e) {
        return ExportResponses.rejected(e);
    }
}
