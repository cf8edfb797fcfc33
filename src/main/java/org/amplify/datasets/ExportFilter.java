package org.amplify.datasets;

import java.time.Instant;
import org.amplify.questions.Verdict;

/**
 * What an export of transcripts or feedback keeps, checked: every field null for "any".
 *
 * @param from inclusive; submission time for transcripts, the verdict's time for feedback
 * @param to exclusive
 * @param expertId who submitted the transcript, or who gave the feedback
 * @param verdict transcripts with at least one verdict of this kind; feedback of this kind
 */
public record ExportFilter(String domain, Instant from, Instant to, Long expertId, Verdict verdict) {
}
