package org.amplify.datasets.internal;

import java.util.List;
import java.util.stream.Collectors;

import static org.amplify.datasets.internal.TranscriptSql.utc;

/**
 * The SQL of a snapshot's flat export: one row per subquestion of its transcripts (as each was
 * submitted), in the snapshot's order, then the order asked; written by PostgreSQL either as one JSON
 * object a line or as one CSV line, with the same columns in the same order. The status, the answer
 * and what they came from are read from the questions module's view {@code questions_subquestion_states}
 * (as the nested export's are); timestamps are UTC text with microseconds in columns whose names end
 * in {@code _at}.
 *
 * <p>The sort key of a row is its transcript's position in the snapshot, shifted left 24 bits, plus
 * the subquestion's position: one number, so that the paged export keeps the cursors of the others.
 */
final class SubquestionSql {

    private SubquestionSql() {
    }

    private enum Type { TEXT, OTHER }

    /** One column: its name (JSON key and CSV header) and its SQL, over the aliases of {@link #RECORD_OF_KEY}. */
    private record Column(String name, String sql, Type type) {}

    static final List<Column> COLUMNS = List.of(
            new Column("snapshot_id", "k.snapshot_id", Type.OTHER),
            new Column("transcript_position", "k.transcript_position", Type.OTHER),
            new Column("tree_id", "w.tree_id", Type.OTHER),
            new Column("question_id", "w.question_id", Type.OTHER),
            new Column("workspace_id", "w.id", Type.OTHER),
            new Column("domain", "w.domain", Type.TEXT),
            new Column("depth", "w.depth", Type.OTHER),
            new Column("question", "w.question", Type.TEXT),
            new Column("subquestion_id", "s.id", Type.OTHER),
            new Column("position", "s.position", Type.OTHER),
            new Column("subquestion", "s.text", Type.TEXT),
            new Column("passed_context", "s.passed_context", Type.TEXT),
            new Column("status", "st.status", Type.TEXT),
            new Column("answer", "st.answer", Type.TEXT),
            new Column("answer_source", "st.model_answer_source", Type.TEXT),
            new Column("model_answer", "st.model_answer", Type.TEXT),
            new Column("agreement", "st.model_agreement", Type.OTHER),
            new Column("trusted", "st.model_trusted", Type.OTHER),
            new Column("model_version_id", "st.model_version_id", Type.OTHER),
            new Column("person_answer", "st.person_answer", Type.TEXT),
            new Column("feedback_verdict", "st.last_verdict", Type.TEXT),
            new Column("corrected_answer", "st.corrected_answer", Type.TEXT),
            new Column("child_question_id", "st.child_question_id", Type.OTHER),
            new Column("final_answer", "w.answer", Type.TEXT),
            new Column("expert", "u.username", Type.TEXT),
            new Column("asked_at", utc("s.created_at"), Type.TEXT),
            new Column("answered_at", utc("st.answered_at"), Type.TEXT),
            new Column("feedback_at", utc("st.last_feedback_at"), Type.TEXT),
            new Column("submitted_at", utc("w.submitted_at"), Type.TEXT));

    /** The CSV header line, without its newline. */
    static final String CSV_HEADER = COLUMNS.stream().map(Column::name).collect(Collectors.joining(","));

    /** One row as a JSON object, keys in the order of {@link #COLUMNS}. */
    private static final String JSON = COLUMNS.stream().map(c -> "'" + c.name() + "', " + c.sql())
            .collect(Collectors.joining(", ", "json_build_object(", ")::text"));

    /**
     * One row as a CSV line (RFC 4180): text quoted, its quotes doubled (newlines stay inside the
     * quotes); numbers and booleans as PostgreSQL writes them; null as an empty field.
     */
    private static final String CSV = COLUMNS.stream()
            .map(c -> c.type() == Type.TEXT ? "coalesce('\"' || replace(" + c.sql() + ", '\"', '\"\"') || '\"', '')"
                    : "coalesce((" + c.sql() + ")::text, '')")
            .collect(Collectors.joining(" || ',' || ", "(", ")"));

    /** The row of the subquestion {@code k.subquestion_id}, as a scalar subquery. */
    private static final String RECORD_OF_KEY = """
            (SELECT %s
              FROM questions_subquestions s
              JOIN questions_transcripts w ON w.id = s.workspace_id
              JOIN questions_subquestion_states st ON st.subquestion_id = s.id
              LEFT JOIN accounts_users u ON u.id = w.answered_by
              WHERE s.id = k.subquestion_id)""";

    /**
     * A snapshot's subquestions: parameters snapshot id, then the key after which to start, twice (the
     * second bounds the transcripts' positions, so that a page starts at its transcript's index entry).
     *
     * @param csv CSV lines rather than JSON objects
     */
    static String snapshot(boolean csv, String limit) {
        return "SELECT k.sort_key, " + RECORD_OF_KEY.formatted(csv ? CSV : JSON) + " AS record"
                + " FROM (SELECT (sn.position::bigint << 24) + s.position AS sort_key, s.id AS subquestion_id,"
                + " sn.snapshot_id, sn.position AS transcript_position"
                + " FROM distillation_snapshot_transcripts sn JOIN questions_transcripts w ON w.id = sn.workspace_id"
                + " JOIN questions_subquestions s ON s.workspace_id = w.id AND s.created_at <= w.submitted_at"
                + " WHERE sn.snapshot_id = ? AND sn.position >= (?::bigint >> 24)"
                + " AND (sn.position::bigint << 24) + s.position > ?"
                + " ORDER BY sn.position, s.position" + limit + ") k ORDER BY k.sort_key";
    }
}
