package org.amplify.datasets.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToLongFunction;
import org.amplify.datasets.DatasetRejectedException;
import org.amplify.datasets.RecordPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * How an export answers: JSON Lines streamed as the database gives the rows, unless the client asks
 * for {@code application/json} (then a page of the same records and the cursor of the next page), or
 * CSV where an export has it. The handlers' {@code produces} lets Spring refuse any other Accept (406).
 */
final class ExportResponses {

    static final String NDJSON = "application/x-ndjson";
    static final MediaType NDJSON_TYPE = MediaType.parseMediaType(NDJSON);
    static final String CSV = "text/csv";
    static final MediaType CSV_TYPE = MediaType.parseMediaType(CSV);

    /** The response buffer: fewer, larger writes to the socket. */
    private static final int BUFFER = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ExportResponses.class);

    private ExportResponses() {
    }

    /** What the transcript and feedback exports answer, the default (for a wildcard) first. */
    static final List<MediaType> LINES_OR_PAGES = List.of(NDJSON_TYPE, MediaType.APPLICATION_JSON);

    /**
     * The media type an export answers: the first of the client's media types (as Spring reads the
     * Accept header: most preferred first) that includes one the export produces, and the first of
     * those it includes; so a wildcard, or no Accept header, gets the first of {@code produced}. The
     * handler's {@code produces} has already refused a request that accepts none of them.
     */
    static MediaType negotiate(ContentNegotiationManager negotiation, HttpServletRequest request,
            List<MediaType> produced) throws HttpMediaTypeNotAcceptableException {
        for (MediaType accepted : negotiation.resolveMediaTypes(new ServletWebRequest(request))) {
            for (MediaType type : produced) {
                if (accepted.getQualityValue() > 0 && accepted.includes(type)) {
                    return type;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(produced);
    }

    /** Whether the client asked for pages ({@code application/json}) rather than JSON Lines. */
    static boolean wantsPages(ContentNegotiationManager negotiation, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        return negotiate(negotiation, request, LINES_OR_PAGES).equals(MediaType.APPLICATION_JSON);
    }

    /** Names the file a download of the export is saved as ({@code Content-Disposition: attachment}). */
    static void download(HttpServletResponse response, String filename) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }

    /** Streams an export as JSON Lines; a client that goes away ends it quietly. */
    static void lines(HttpServletResponse response, ToLongFunction<OutputStream> export) throws IOException {
        stream(response, NDJSON, export);
    }

    /** Streams an export as CSV (RFC 4180, a header line first); a client that goes away ends it quietly. */
    static void csv(HttpServletResponse response, ToLongFunction<OutputStream> export) throws IOException {
        stream(response, CSV + ";header=present", export);
    }

    private static void stream(HttpServletResponse response, String contentType, ToLongFunction<OutputStream> export)
            throws IOException {
        response.setBufferSize(BUFFER);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        try {
            export.applyAsLong(out);
            out.flush();
        } catch (UncheckedIOException e) {
            log.debug("export ended early: the client went away", e);
        }
    }

    /** A page: {@code {"items": [records...], "nextCursor": "..." | null}}, the records as the lines hold them. */
    static void page(HttpServletResponse response, RecordPage page) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        out.write("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < page.records().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(page.records().get(i));
        }
        out.write(("],\"nextCursor\":" + (page.nextCursor() == null ? "null" : "\"" + page.nextCursor() + "\"")
                + "}").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A bad parameter: 400, naming it in the detail and in {@code errors}. */
    static ProblemDetail rejected(DatasetRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.field() + ": " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return problem;
    }

    record FieldProblem(String field, String message) {}
}
