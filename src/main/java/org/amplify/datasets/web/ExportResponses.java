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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * How an export answers: JSON Lines streamed as the database gives the rows, unless the client asks
 * for {@code application/json} (then a page of the same records and the cursor of the next page).
 */
final class ExportResponses {

    static final String NDJSON = "application/x-ndjson";
    static final MediaType NDJSON_TYPE = MediaType.parseMediaType(NDJSON);
    static final String CSV = "text/csv";

    /** The response buffer: fewer, larger writes to the socket. */
    private static final int BUFFER = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ExportResponses.class);

    private ExportResponses() {
    }

    /**
     * Whether the client asked for pages: {@code application/json} preferred to JSON Lines by its
     * quality, or more specific than a wildcard of the same quality. No Accept header, {@code *}{@code /*},
     * {@code application/x-ndjson}: JSON Lines.
     */
    static boolean wantsPages(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        List<String> accept = java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double linesScore = -1;
        double pagesScore = -1;
        for (MediaType type : types) {
            double q = type.getQualityValue();
            if (q <= 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                pagesScore = Math.max(pagesScore, q + 0.5);
            } else if (type.includes(NDJSON_TYPE)) {
                linesScore = Math.max(linesScore, type.isWildcardType() || type.isWildcardSubtype() ? q : q + 0.5);
            }
        }
        if (linesScore < 0 && pagesScore < 0) {
            throw new HttpMediaTypeNotAcceptableException(List.of(NDJSON_TYPE, MediaType.APPLICATION_JSON));
        }
        return pagesScore > linesScore;
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
