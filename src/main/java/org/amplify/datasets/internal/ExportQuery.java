package org.amplify.datasets.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amplify.datasets.ExportFilter;

/**
 * One export as SQL: its rows (each a sort key and a JSON record), the listing its cursors belong
 * to, and its parameters. The paging condition ({@code key > ?}) is always there: the full export
 * starts after -1, a page after its cursor's key.
 */
public final class ExportQuery {

    private final String listing;
    private final String where;
    private final List<Object> params;
    private final Kind kind;

    private enum Kind { SNAPSHOT, TRANSCRIPTS, FEEDBACK, SUBQUESTIONS, SUBQUESTIONS_CSV, CHAT, PREFERENCES }

    private ExportQuery(Kind kind, String listing, String where, List<Object> params) {
        this.kind = kind;
        this.listing = listing;
        this.where = where;
        this.params = params;
    }

    /** A snapshot's transcripts, in the snapshot's order. */
    public static ExportQuery snapshot(long snapshotId) {
        return new ExportQuery(Kind.SNAPSHOT, "s" + snapshotId, "", List.of(snapshotId));
    }

    /**
     * A snapshot's subquestions, flat: one row each, in the snapshot's order then the order asked.
     *
     * @param csv CSV lines (after a header) rather than JSON objects
     */
    public static ExportQuery subquestions(long snapshotId, boolean csv) {
        return new ExportQuery(csv ? Kind.SUBQUESTIONS_CSV : Kind.SUBQUESTIONS, "q" + snapshotId, "",
                List.of(snapshotId));
    }

    /**
     * A snapshot's steps in the chat format, for fine-tuning elsewhere ({@link ChatSql#chat}); written
     * whole, never paged.
     *
     * @param defaultSystemPrompt the system message of the steps whose tree has no system prompt
     */
    public static ExportQuery chat(long snapshotId, String defaultSystemPrompt) {
        return new ExportQuery(Kind.CHAT, "c" + snapshotId, "", List.of(defaultSystemPrompt, snapshotId, snapshotId));
    }

    /**
     * A snapshot's preference pairs, where an expert corrected a model's answer ({@link ChatSql#preferences});
     * written whole, never paged.
     */
    public static ExportQuery preferences(long snapshotId, String defaultSystemPrompt) {
        return new ExportQuery(Kind.PREFERENCES, "p" + snapshotId, "", List.of(defaultSystemPrompt, snapshotId));
    }

    /** Submitted transcripts, oldest workspace first. */
    public static ExportQuery transcripts(ExportFilter filter) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        and(where, params, "w.domain = ?", filter.domain());
        and(where, params, "w.submitted_at >= ?", timestamp(filter.from()));
        and(where, params, "w.submitted_at < ?", timestamp(filter.to()));
        and(where, params, "w.answered_by = ?", filter.expertId());
        and(where, params, "EXISTS (SELECT 1 FROM questions_subquestions vs JOIN questions_feedback vf ON vf.subquestion_id = vs.id"
                + " WHERE vs.workspace_id = w.id AND vf.verdict = ? AND vf.created_at <= w.submitted_at)",
                filter.verdict() == null ? null : filter.verdict().name());
        where.append(" AND w.id > ?");
        return new ExportQuery(Kind.TRANSCRIPTS, "t", where.toString(), params);
    }

    /** Verdicts, oldest first. */
    public static ExportQuery feedback(ExportFilter filter) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        and(where, params, "w.domain = ?", filter.domain());
        and(where, params, "f.created_at >= ?", timestamp(filter.from()));
        and(where, params, "f.created_at < ?", timestamp(filter.to()));
        and(where, params, "f.expert_id = ?", filter.expertId());
        and(where, params, "f.verdict = ?", filter.verdict() == null ? null : filter.verdict().name());
        where.append(" AND f.id > ?");
        return new ExportQuery(Kind.FEEDBACK, "f", where.toString(), params);
    }

    /** Adds {@code AND condition} with its one parameter, unless the filter leaves it out (null). */
    private static void and(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    String listing() {
        return listing;
    }

    /** @param limit the most rows, or null for all of them */
    String sql(Integer limit) {
        String limitClause = limit == null ? "" : " LIMIT " + limit;
        return switch (kind) {
            case SNAPSHOT -> TranscriptSql.snapshot(limitClause);
            case TRANSCRIPTS -> TranscriptSql.filtered(where, limitClause);
            case FEEDBACK -> FeedbackSql.filtered(where, limitClause);
            case SUBQUESTIONS -> SubquestionSql.snapshot(false, limitClause);
            case SUBQUESTIONS_CSV -> SubquestionSql.snapshot(true, limitClause);
            case CHAT, PREFERENCES -> {
                if (limit != null) {
                    throw new UnsupportedOperationException("the fine-tuning exports are written whole, never paged");
                }
                yield kind == Kind.CHAT ? ChatSql.chat() : ChatSql.preferences();
            }
        };
    }

    /** The line written before the records (the CSV header), or null. */
    String header() {
        return kind == Kind.SUBQUESTIONS_CSV ? SubquestionSql.CSV_HEADER : null;
    }

    Object[] params(long after) {
        if (kind == Kind.CHAT || kind == Kind.PREFERENCES) {
            return params.toArray(); // no paging key: written whole
        }
        List<Object> all = new ArrayList<>(params);
        all.add(after);
        if (kind == Kind.SUBQUESTIONS || kind == Kind.SUBQUESTIONS_CSV) {
            all.add(after); // SubquestionSql bounds the transcripts' positions with it, then the rows' keys
        }
        return all.toArray();
    }
}
