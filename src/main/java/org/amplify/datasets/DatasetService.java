package org.amplify.datasets;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.amplify.datasets.internal.CatalogStore;
import org.amplify.datasets.internal.ExportQuery;
import org.amplify.datasets.internal.ExportStore;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Verdict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The datasets module's facade: researchers' read-only exports of snapshots, transcripts and
 * feedback (JSON Lines, streamed from the database, or pages), and the catalogue of snapshots and
 * model versions. Every export is deterministic: the same rows always give the same bytes.
 */
@Service
public class DatasetService {

    /** The largest page of a paged export. */
    public static final int MAX_PAGE = 1000;

    /** The page size when none is asked for. */
    public static final int DEFAULT_PAGE = 100;

    private final CatalogStore catalog;
    private final ExportStore exports;
    private final QuestionService questions;

    DatasetService(CatalogStore catalog, ExportStore exports, QuestionService questions) {
        this.catalog = catalog;
        this.exports = exports;
        this.questions = questions;
    }

    // --- the catalogue ------------------------------------------------------------------------------

    /** The domains a snapshot may be of, as the questions module names them. */
    public List<String> domains() {
        return questions.domainNames();
    }

    /**
     * Oldest first; every domain when {@code domain} is null or blank.
     *
     * @throws DatasetRejectedException for an unknown domain
     */
    public List<Snapshot> snapshots(String domain) {
        return catalog.snapshots(checkedDomain(domain));
    }

    public Snapshot snapshot(long id) {
        return catalog.snapshot(id).orElseThrow(() -> new SnapshotNotFoundException(id));
    }

    /** By domain, then version; every domain when {@code domain} is null. */
    public List<RegisteredModel> models(String domain) {
        return catalog.models(checkedDomain(domain));
    }

    public RegisteredModel model(long id) {
        String domain = catalog.domainOfModel(id).orElseThrow(() -> new ModelNotFoundException(id));
        return catalog.models(domain).stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> new ModelNotFoundException(id));
    }

    // --- the exports --------------------------------------------------------------------------------

    /**
     * Checks an export's filters as a request gives them (each may be null or blank: any).
     *
     * @param from a date ({@code 2025-01-31}: from its start, UTC) or a time ({@code 2025-01-31T12:00:00Z})
     * @param to a date (up to the end of that day, UTC) or a time (exclusive)
     * @param expert a user name
     * @param verdict {@code accept}, {@code correct} or {@code expand}, in any case
     * @throws DatasetRejectedException naming the first bad parameter
     */
    public ExportFilter filter(String domain, String from, String to, String expert, String verdict) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new DatasetRejectedException("to", "must be after from");
        }
        Long expertId = null;
        if (present(expert)) {
            expertId = catalog.userId(expert.strip()).orElseThrow(() -> new DatasetRejectedException("expert",
                    "no user is named '" + expert.strip() + "'"));
        }
        Verdict kind = null;
        if (present(verdict)) {
            try {
                kind = Verdict.valueOf(verdict.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DatasetRejectedException("verdict", "'" + verdict.strip() + "' is not a verdict: one of "
                        + Arrays.stream(Verdict.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
            }
        }
        return new ExportFilter(checkedDomain(domain), start, end, expertId, kind);
    }

    /** Writes the snapshot's transcripts as JSON Lines, in the snapshot's order. */
    @Transactional(readOnly = true)
    public long writeSnapshot(long snapshotId, OutputStream out) {
        snapshot(snapshotId);
        return exports.write(ExportQuery.snapshot(snapshotId), out);
    }

    @Transactional(readOnly = true)
    public RecordPage snapshotPage(long snapshotId, String cursor, Integer limit) {
        snapshot(snapshotId);
        return exports.page(ExportQuery.snapshot(snapshotId), cursor, checkedLimit(limit));
    }

    /**
     * Writes the snapshot's subquestions flat, one row each (in the snapshot's order, then the order
     * asked): JSON Lines, or CSV with a header line.
     */
    @Transactional(readOnly = true)
    public long writeSnapshotSubquestions(long snapshotId, boolean csv, OutputStream out) {
        snapshot(snapshotId);
        return exports.write(ExportQuery.subquestions(snapshotId, csv), out);
    }

    @Transactional(readOnly = true)
    public RecordPage snapshotSubquestionPage(long snapshotId, String cursor, Integer limit) {
        snapshot(snapshotId);
        return exports.page(ExportQuery.subquestions(snapshotId, false), cursor, checkedLimit(limit));
    }

    /**
     * Writes the snapshot's steps in the chat format as JSON Lines, for fine-tuning elsewhere: one
     * {@code {"messages":[system, user, assistant]}} a line for each question whose answer a person
     * gave or vouched for (the transcript's question and final answer; each subquestion corrected,
     * answered by a person, or answered by the copies and accepted), in the snapshot's order, each
     * question before its subquestions.
     *
     * @return the number of lines
     */
    @Transactional(readOnly = true)
    public long writeSnapshotChat(long snapshotId, OutputStream out) {
        snapshot(snapshotId);
        return exports.write(ExportQuery.chat(snapshotId, questions.settings().defaultSystemPrompt()), out);
    }

    /**
     * Writes the snapshot's preference pairs as JSON Lines: one {@code {"prompt":[system, user],
     * "chosen":[assistant], "rejected":[assistant]}} a line for each subquestion where an expert
     * corrected a model's answer (chosen the correction, rejected the model's answer), in the
     * snapshot's order, then the order asked.
     *
     * @return the number of lines
     */
    @Transactional(readOnly = true)
    public long writeSnapshotPreferences(long snapshotId, OutputStream out) {
        snapshot(snapshotId);
        return exports.write(ExportQuery.preferences(snapshotId, questions.settings().defaultSystemPrompt()), out);
    }

    /** Writes the submitted transcripts that pass the filter as JSON Lines, oldest workspace first. */
    @Transactional(readOnly = true)
    public long writeTranscripts(ExportFilter filter, OutputStream out) {
        return exports.write(ExportQuery.transcripts(filter), out);
    }

    @Transactional(readOnly = true)
    public RecordPage transcriptPage(ExportFilter filter, String cursor, Integer limit) {
        return exports.page(ExportQuery.transcripts(filter), cursor, checkedLimit(limit));
    }

    /** Writes the verdicts that pass the filter as JSON Lines, oldest first. */
    @Transactional(readOnly = true)
    public long writeFeedback(ExportFilter filter, OutputStream out) {
        return exports.write(ExportQuery.feedback(filter), out);
    }

    @Transactional(readOnly = true)
    public RecordPage feedbackPage(ExportFilter filter, String cursor, Integer limit) {
        return exports.page(ExportQuery.feedback(filter), cursor, checkedLimit(limit));
    }

    /** @throws DatasetRejectedException for a page size outside 1..{@value #MAX_PAGE} */
    public static int checkedLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DatasetRejectedException("limit", "must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }

    private String checkedDomain(String domain) {
        if (!present(domain)) {
            return null;
        }
        String name = domain.strip();
        if (!questions.domainNames().contains(name)) {
            throw new DatasetRejectedException("domain", "unknown domain '" + name + "': one of "
                    + questions.domainNames());
        }
        return name;
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        if (!present(value)) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DatasetRejectedException(field, "'" + text + "' is not a date (2025-01-31) nor a time "
                    + "(2025-01-31T12:00:00Z)");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
