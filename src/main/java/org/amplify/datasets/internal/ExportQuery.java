package org.amplify.datasets.internal;

import java.sql.Timestamp;
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

    private enum Kind { SNAPSHOT, TRANSCRIPTS, FEEDBACK }

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

    /** Submitted transcripts, oldest workspace first. */
    public static ExportQuery transcripts(ExportFilter filter) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (filter.domain() != null) {
            where.append(" AND t.domain = ?");
            params.add(filter.domain());
        }
        if (filter.from() != null) {
            where.append(" AND w.submitted_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND w.submitted_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (filter.expertId() != null) {
            where.append(" AND w.answered_by = ?");
            params.add(filter.expertId());
        }
        if (filter.verdict() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM subquestions vs JOIN feedback vf ON vf.subquestion_id = vs.id"
                    + " WHERE vs.workspace_id = w.id AND vf.verdict = ? AND vf.created_at <= w.submitted_at)");
            params.add(filter.verdict().name());
        }
        where.append(" AND w.id > ?");
        return new ExportQuery(Kind.TRANSCRIPTS, "t", where.toString(), params);
    }

    /** Verdicts, oldest first. */
    public static ExportQuery feedback(ExportFilter filter) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (filter.domain() != null) {
            where.append(" AND t.domain = ?");
            params.add(filter.domain());
        }
        if (filter.from() != null) {
            where.append(" AND f.created_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND f.created_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (filter.expertId() != null) {
            where.append(" AND f.expert_id = ?");
            params.add(filter.expertId());
        }
        if (filter.verdict() != null) {
            where.append(" AND f.verdict = ?");
            params.add(filter.verdict().name());
        }
        where.append(" AND f.id > ?");
        return new ExportQuery(Kind.FEEDBACK, "f", where.toString(), params);
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
        };
    }

    Object[] params(long after) {
        List<Object> all = new ArrayList<>(params);
        all.add(after);
        return all.toArray();
    }
}
