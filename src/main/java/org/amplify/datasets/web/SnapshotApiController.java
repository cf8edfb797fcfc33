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
import java.util.List;
import org.amplify.datasets.DatasetRejectedException;
import org.amplify.datasets.DatasetService;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Snapshots (the datasets that distillation rounds froze) and their transcripts, for researchers. */
@RestController
@RequestMapping("/api/v1/snapshots")
@PreAuthorize("hasRole('RESEARCHER')")
@Tag(name = "Datasets", description = "Read-only exports for researchers: snapshots, transcripts, feedback")
class SnapshotApiController {

    /** What the subquestions export answers, the default (for a wildcard) first. */
    private static final List<MediaType> SUBQUESTION_TYPES = List.of(ExportResponses.NDJSON_TYPE,
            MediaType.APPLICATION_JSON, ExportResponses.CSV_TYPE);

    private final DatasetService datasets;
    private final ContentNegotiationManager negotiation;

    SnapshotApiController(DatasetService datasets, ContentNegotiationManager negotiation) {
        this.datasets = datasets;
        this.negotiation = negotiation;
    }

    @GetMapping
    @Operation(summary = "The snapshots, oldest first",
            description = "Every snapshot (of one domain with `domain`): its round, size, when, and the model trained "
                    + "on it.")
    List<SnapshotResponse> snapshots(@Parameter(description = "only this domain's", example = "text")
            @RequestParam(required = false) String domain) {
        return datasets.snapshots(domain).stream().map(SnapshotResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One snapshot")
    SnapshotResponse snapshot(@Parameter(description = "the snapshot's id", example = "12") @PathVariable long id) {
        return SnapshotResponse.of(datasets.snapshot(id));
    }

    @GetMapping(value = "/{id}/transcripts", produces = {ExportResponses.NDJSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A snapshot's transcripts, in the snapshot's order",
            description = "Dataset k: the transcripts round k froze, in the order it froze them." + ApiDocs.NEGOTIATION)
    @ApiResponse(responseCode = "200", description = "the transcripts", content = {
        @Content(mediaType = ExportResponses.NDJSON, schema = @Schema(implementation = TranscriptRecord.class),
                examples = @ExampleObject(name = "one line", value = ApiDocs.TRANSCRIPT_LINE)),
        @Content(mediaType = "application/json", schema = @Schema(implementation = Pages.TranscriptPage.class))})
    void transcripts(@Parameter(description = "the snapshot's id", example = "12") @PathVariable long id,
            @Parameter(description = "pages only: the nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "pages only: records per page, 1 to 1000 (default 100)", example = "100")
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        if (ExportResponses.wantsPages(negotiation, request)) {
            ExportResponses.page(response, datasets.snapshotPage(id, cursor, limit));
        } else {
            datasets.snapshot(id); // a 404 before the first line
            ExportResponses.lines(response, out -> datasets.writeSnapshot(id, out));
        }
    }

    @GetMapping(value = "/{id}/subquestions",
            produces = {ExportResponses.NDJSON, MediaType.APPLICATION_JSON_VALUE, ExportResponses.CSV})
    @Operation(summary = "A snapshot's subquestions, flat: one row each",
            description = "The same transcripts as `/transcripts`, one row per subquestion (in the snapshot's order, "
                    + "then the order asked): its transcript's tree, question and workspace, the subquestion, its "
                    + "status and answer, the newest answer of the copies (source, agreement, trust, model version), "
                    + "the newest verdict, and timestamps (UTC text) in the columns ending in `_at`. A transcript "
                    + "without subquestions has no row. `Accept: text/csv` or `format=csv` answers CSV (`text/csv`, "
                    + "a header line first, streamed): `format` wins over the Accept header." + ApiDocs.NEGOTIATION)
    @ApiResponse(responseCode = "200", description = "the subquestions", content = {
        @Content(mediaType = ExportResponses.NDJSON,
                examples = @ExampleObject(name = "one line", value = ApiDocs.SUBQUESTION_LINE)),
        @Content(mediaType = "application/json",
                examples = @ExampleObject(name = "a page", value = ApiDocs.SUBQUESTION_PAGE)),
        @Content(mediaType = ExportResponses.CSV,
                examples = @ExampleObject(name = "the header and one row", value = ApiDocs.SUBQUESTION_CSV))})
    void subquestions(@Parameter(description = "the snapshot's id", example = "12") @PathVariable long id,
            @Parameter(description = "`csv`, or `jsonl` (JSON Lines, or pages with `Accept: application/json`); "
                    + "left out, the Accept header chooses", example = "csv",
                    schema = @Schema(allowableValues = {"jsonl", "csv"}))
            @RequestParam(required = false) String format,
            @Parameter(description = "pages only: the nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "pages only: records per page, 1 to 1000 (default 100)", example = "100")
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        List<MediaType> formats = format(format);
        MediaType type = formats.size() == 1 ? formats.get(0) : ExportResponses.negotiate(negotiation, request, formats);
        if (type.equals(MediaType.APPLICATION_JSON)) {
            ExportResponses.page(response, datasets.snapshotSubquestionPage(id, cursor, limit));
            return;
        }
        datasets.snapshot(id); // a 404 before the first line
        if (type.equals(ExportResponses.CSV_TYPE)) {
            ExportResponses.csv(response, out -> datasets.writeSnapshotSubquestions(id, true, out));
        } else {
            ExportResponses.lines(response, out -> datasets.writeSnapshotSubquestions(id, false, out));
        }
    }

    @GetMapping(value = "/{id}/chat", produces = ExportResponses.NDJSON)
    @Operation(summary = "A snapshot as a chat-format dataset, for fine-tuning elsewhere",
            description = ApiDocs.CHAT)
    @ApiResponse(responseCode = "200", description = "one conversation a line", content = @Content(
            mediaType = ExportResponses.NDJSON, examples = @ExampleObject(name = "one line", value = ApiDocs.CHAT_LINE)))
    void chat(@Parameter(description = "the snapshot's id", example = "12") @PathVariable long id,
            HttpServletResponse response) throws IOException {
        datasets.snapshot(id); // a 404 before the first line
        ExportResponses.download(response, "snapshot-" + id + "-chat.jsonl");
        ExportResponses.lines(response, out -> datasets.writeSnapshotChat(id, out));
    }

    @GetMapping(value = "/{id}/preferences", produces = ExportResponses.NDJSON)
    @Operation(summary = "A snapshot's preference pairs, where an expert corrected a model's answer",
            description = ApiDocs.PREFERENCES)
    @ApiResponse(responseCode = "200", description = "one pair a line", content = @Content(
            mediaType = ExportResponses.NDJSON,
            examples = @ExampleObject(name = "one line", value = ApiDocs.PREFERENCE_LINE)))
    void preferences(@Parameter(description = "the snapshot's id", example = "12") @PathVariable long id,
            HttpServletResponse response) throws IOException {
        datasets.snapshot(id); // a 404 before the first line
        ExportResponses.download(response, "snapshot-" + id + "-preferences.jsonl");
        ExportResponses.lines(response, out -> datasets.writeSnapshotPreferences(id, out));
    }

    /**
     * The media types {@code format} leaves the Accept header to choose from: CSV alone (whatever the
     * Accept header, if {@code produces} let it through), JSON Lines or pages, or all three.
     */
    private static List<MediaType> format(String format) {
        if (format == null || format.isBlank()) {
            return SUBQUESTION_TYPES;
        }
        if (format.strip().equalsIgnoreCase("jsonl")) {
            return ExportResponses.LINES_OR_PAGES;
        }
        if (format.strip().equalsIgnoreCase("csv")) {
            return List.of(ExportResponses.CSV_TYPE);
        }
        throw new DatasetRejectedException("format", "'" + format.strip() + "' is not a format: jsonl or csv");
    }

    @ExceptionHandler(DatasetRejectedException.class)
    ProblemDetail rejected(DatasetRejectedException e) {
        return ExportResponses.rejected(e);
    }
}
