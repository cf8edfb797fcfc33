package org.amplify.datasets.internal;

import java.util.List;
import java.util.stream.Collectors;

import static org.amplify.datasets.internal.TranscriptSql.utc;

/**
 * The SQL of a snapshot's flat export: one row per subquestion of its transcripts (as each was
 * submitted), in the snapshot's order, then the order asked; written by PostgreSQL either as one JSON
 * object a line or as one CSV line, with the same columns in the same order. The status and the
 * answer follow the nested export's rules ({@link TranscriptSql#STATUS}); timestamps are UTC text
 * with microseconds in columns whose names end in {@code _at}.
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

    /** The answer the expert could use, as the nested export's {@code answer}. */
    private static final String ANSWER = "CASE st.status WHEN 'CORRECTED' THEN fb.corrected"
            + " WHEN 'ANSWERED_BY_PERSON' THEN person.answer WHEN 'ANSWERED_BY_MODEL' THEN own.answer END";

    /** When that answer came: the correction's time, the person's answer's, the copies' answer's. */
    private static final String ANSWERED_AT = "CASE st.status WHEN 'CORRECTED' THEN " + utc("judged.created_at")
            + " WHEN 'ANSWERED_BY_PERSON' THEN " + utc("person.created_at")
            + " WHEN 'ANSWERED_BY_MODEL' THEN " + utc("own.created_at") + " END";

    static final List<Column> COLUMNS = List.of(
            new Column("snapshot_id", "k.snapshot_id", Type.OTHER),
            new Column("transcript_position", "k.transcript_position", Type.OTHER),
            new Column("tree_id", "q.tree_id", Type.OTHER),
            new Column("question_id", "q.id", Type.OTHER),
            new Column("workspace_id", "w.id", Type.OTHER),
            new Column("domain", "t.domain", Type.TEXT),
            new Column("depth", "q.depth", Type.OTHER),
            new Column("question", "q.text", Type.TEXT),
            new Column("subquestion_id", "s.id", Type.OTHER),
            new Column("position", "s.position", Type.OTHER),
            new Column("subquestion", "s.text", Type.TEXT),
            new Column("passed_context", "s.passed_context", Type.TEXT),
            new Column("status", "st.status", Type.TEXT),
            new Column("answer", ANSWER, Type.TEXT),
            new Column("answer_source", "own.source", Type.TEXT),
            new Column("model_answer", "own.answer", Type.TEXT),
            new Column("agreement", "own.agreement", Type.OTHER),
            new Column("trusted", "own.trusted", Type.OTHER),
            new Column("model_version_id", "own.model_version_id", Type.OTHER),
            new Column("person_answer", "person.answer", Type.TEXT),
            new Column("feedback_verdict", "lastf.verdict", Type.TEXT),
            new Column("corrected_answer", "fb.corrected", Type.TEXT),
            new Column("child_question_id", "cq.id", Type.OTHER),
            new Column("final_answer", "w.answer", Type.TEXT),
            new Column("expert", "u.username", Type.TEXT),
            new Column("asked_at", utc("s.created_at"), Type.TEXT),
            new Column("answered_at", ANSWERED_AT, Type.TEXT),
            new Column("feedback_at", utc("lastf.created_at"), Type.TEXT),
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

    /** What the subquestion {@code s} had when its workspace {@code w} was submitted. */
    private static final String AS_SUBMITTED = "s.id AND %1$s.created_at <= w.submitted_at";

    /**
     * The row of the subquestion {@code k.subquestion_id}, as a scalar subquery: {@code own} is its
     * newest answer from the copies, the context or memory; {@code person} its newest person's answer;
     * {@code judged} its newest verdict but an expand (what its status follows), {@code lastf} its
     * newest verdict of any kind.
     */
    private static final String RECORD_OF_KEY = """
            (SELECT %s
              FROM subquestions s
              JOIN workspaces w ON w.id = s.workspace_id
              JOIN questions q ON q.id = w.question_id
              JOIN trees t ON t.id = q.tree_id
              LEFT JOIN users u ON u.id = w.answered_by
              LEFT JOIN LATERAL (SELECT a.id, a.source, a.answer, a.agreement, a.trusted, a.model_version_id,
                                        a.created_at FROM sub_answers a
                                 WHERE a.subquestion_id = %s AND a.source <> 'PERSON'
                                 ORDER BY a.id DESC LIMIT 1) own ON true
              LEFT JOIN LATERAL (SELECT a.id, a.answer, a.created_at FROM sub_answers a
                                 WHERE a.subquestion_id = %s AND a.source = 'PERSON'
                                 ORDER BY a.id DESC LIMIT 1) person ON true
              LEFT JOIN LATERAL (SELECT f.verdict, f.corrected_answer, f.created_at FROM feedback f
                                 WHERE f.subquestion_id = %s AND f.verdict <> 'EXPAND'
                                 ORDER BY f.id DESC LIMIT 1) judged ON true
              LEFT JOIN LATERAL (SELECT f.verdict, f.created_at FROM feedback f
                                 WHERE f.subquestion_id = %s ORDER BY f.id DESC LIMIT 1) lastf ON true
              LEFT JOIN LATERAL (SELECT min(c.id) AS id FROM questions c
                                 WHERE c.parent_subquestion_id = %s) cq ON true
              CROSS JOIN LATERAL (SELECT person.id IS NOT NULL AS has_person, own.id IS NOT NULL AS has_own,
                                         own.answer AS own_answer, own.trusted AS own_trusted) an
              CROSS JOIN LATERAL (SELECT judged.verdict AS verdict, judged.corrected_answer AS corrected,
                                         EXISTS (SELECT 1 FROM feedback f WHERE f.subquestion_id = %s
                                                 AND f.verdict = 'EXPAND') AS expanded) fb
              CROSS JOIN LATERAL (%s) st
              WHERE s.id = k.subquestion_id)""".formatted("%s", AS_SUBMITTED.formatted("a"),
            AS_SUBMITTED.formatted("a"), AS_SUBMITTED.formatted("f"), AS_SUBMITTED.formatted("f"),
            AS_SUBMITTED.formatted("c"), AS_SUBMITTED.formatted("f"), TranscriptSql.STATUS);

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
                + " FROM snapshot_transcripts sn JOIN workspaces w ON w.id = sn.workspace_id"
                + " JOIN subquestions s ON s.workspace_id = w.id AND s.created_at <= w.submitted_at"
                + " WHERE sn.snapshot_id = ? AND sn.position >= (?::bigint >> 24)"
                + " AND (sn.position::bigint << 24) + s.position > ?"
                + " ORDER BY sn.position, s.position" + limit + ") k ORDER BY k.sort_key";
    }
}
