package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.amplify.datasets.DatasetService;
import org.amplify.datasets.ExportFilter;

/**
 * The query of the transcript and feedback exports, bound from the query string: five filters (each
 * may be left out; {@link DatasetService#filter} checks them, a bad one is a 400 naming it) and, for
 * pages only, the cursor and the page size.
 */
record ExportQuery(
        @Parameter(description = "only this domain's", example = "permutation-powering") String domain,
        @Parameter(description = "submitted (a transcript) or given (a verdict) at or after: a date (its start, UTC) "
                + "or a time with its offset", example = "2025-01-01") String from,
        @Parameter(description = "submitted or given before: a time, or a date (up to the end of that day, UTC)",
                example = "2025-01-31T12:00:00Z") String to,
        @Parameter(description = "submitted or given by this user (user name)", example = "alice") String expert,
        @Parameter(description = "transcripts with at least one verdict of this kind; verdicts of this kind",
                example = "correct", schema = @Schema(allowableValues = {"accept", "correct", "expand"}))
        String verdict,
        @Parameter(description = "pages only: the nextCursor of the previous page") String cursor,
        @Parameter(description = "pages only: records per page, 1 to 1000 (default 100)", example = "100")
        Integer limit) {

    ExportFilter filter(DatasetService datasets) {
        return datasets.filter(domain, from, to, expert, verdict);
    }
}
