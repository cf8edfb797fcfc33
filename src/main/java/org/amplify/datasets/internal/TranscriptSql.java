package org.amplify.datasets.internal;

/**
 * The SQL that writes one transcript as one line of JSON, in PostgreSQL itself: the export streams
 * these lines as they come and never builds an object per record. Fields are written in a fixed
 * order ({@code json_build_object} keeps it), timestamps as {@link #utc UTC with microseconds},
 * lists in the order of their ids or positions, so the same rows always give the same bytes.
 *
 * <p>A transcript is its workspace as the expert submitted it: subquestions, answers, verdicts and
 * child questions created after {@code submitted_at} (a copy answering late) are left out, so a
 * frozen snapshot exports the same bytes forever. A subquestion's {@code status} and {@code answer}
 * follow the rules of {@code questions.QuestionFlow#subquestion} (a test compares the two).
 *
 * <p>One statement per export: each workspace's subquestions, and each subquestion's answers and
 * feedback, are aggregated by index lookups ({@code subquestions (workspace_id, position)},
 * {@code sub_answers (subquestion_id, id)}, {@code feedback (subquestion_id, id)}), no query per row.
 */
final class TranscriptSql {

    private TranscriptSql() {
    }

    /** A timestamp as text, always {@code 2025-01-31T12:00:00.000000Z}. */
    static String utc(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /**
     * A subquestion's answers (the json list) and what its status needs: whether a person answered,
     * the newest person's answer, whether the copies (or the context, or memory) answered, and their
     * newest answer and its trust. Every aggregate orders by id ascending, so PostgreSQL reads the
     * rows once in index order and sorts nothing; "newest" is the last element.
     */
    private static final String ANSWERS = """
            SELECT list, has_person, person[cardinality(person)] AS person_answer, has_own,
                   own[cardinality(own)] AS own_answer, own_trusted[cardinality(own_trusted)] AS own_trusted
            FROM (SELECT json_agg(json_build_object(
                           'id', a.id, 'source', a.source, 'answer', a.answer, 'votes', a.votes::json,
                           'agreement', a.agreement, 'trusted', a.trusted, 'modelVersionId', a.model_version_id,
                           'note', a.note, 'createdAt', %s) ORDER BY a.id) AS list,
                         bool_or(a.source = 'PERSON') AS has_person,
                         array_agg(a.answer ORDER BY a.id) FILTER (WHERE a.source = 'PERSON') AS person,
                         bool_or(a.source <> 'PERSON') AS has_own,
                         array_agg(a.answer ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS own,
                         array_agg(a.trusted ORDER BY a.id) FILTER (WHERE a.source <> 'PERSON') AS own_trusted
                  FROM sub_answers a WHERE a.subquestion_id = s.id AND a.created_at <= w.submitted_at) x"""
            .formatted(utc("a.created_at"));

    /** A subquestion's verdicts (the json list) and the newest verdict that is not an expand. */
    private static final String FEEDBACK = """
            SELECT list, verdict[cardinality(verdict)] AS verdict, corrected[cardinality(corrected)] AS corrected,
                   expanded
            FROM (SELECT json_agg(json_build_object(
                           'id', f.id, 'verdict', f.verdict, 'correctedAnswer', f.corrected_answer,
                           'judgedAnswerId', f.sub_answer_id, 'modelVersionId', f.model_version_id,
                           'expertId', f.expert_id, 'expert', fu.username, 'createdAt', %s) ORDER BY f.id) AS list,
                         array_agg(f.verdict ORDER BY f.id) FILTER (WHERE f.verdict <> 'EXPAND') AS verdict,
                         array_agg(f.corrected_answer ORDER BY f.id) FILTER (WHERE f.verdict <> 'EXPAND') AS corrected,
                         bool_or(f.verdict = 'EXPAND') AS expanded
                  FROM feedback f JOIN users fu ON fu.id = f.expert_id
                  WHERE f.subquestion_id = s.id AND f.created_at <= w.submitted_at) x""".formatted(utc("f.created_at"));

    /**
     * QuestionFlow's rules: a correction wins, then a person's answer, then an accepted or trusted one.
     * Reads {@code fb.verdict}, {@code fb.expanded}, {@code an.has_person}, {@code an.has_own},
     * {@code an.own_answer}, {@code an.own_trusted} and {@code cq.id}; {@link SubquestionSql} uses it too.
     */
    static final String STATUS = """
            SELECT CASE WHEN fb.verdict = 'CORRECT' THEN 'CORRECTED'
                        WHEN coalesce(an.has_person, false) THEN 'ANSWERED_BY_PERSON'
                        WHEN fb.verdict IS NOT NULL AND coalesce(an.has_own, false) AND an.own_answer IS NOT NULL
                            THEN 'ANSWERED_BY_MODEL'
                        WHEN cq.id IS NOT NULL THEN CASE WHEN coalesce(fb.expanded, false) THEN 'EXPANDED'
                                                         ELSE 'NEEDS_PERSON' END
                        WHEN NOT coalesce(an.has_own, false) THEN 'OPEN'
                        WHEN an.own_trusted THEN 'ANSWERED_BY_MODEL'
                        ELSE 'NEEDS_PERSON' END AS status""";

    private static final String SUBQUESTIONS = """
            SELECT json_agg(json_build_object(
                     'id', s.id, 'position', s.position, 'question', s.text, 'passedContext', s.passed_context,
                     'status', st.status,
                     'answer', CASE st.status WHEN 'CORRECTED' THEN fb.corrected
                                              WHEN 'ANSWERED_BY_PERSON' THEN an.person_answer
                                              WHEN 'ANSWERED_BY_MODEL' THEN an.own_answer END,
                     'answers', coalesce(an.list, '[]'::json), 'feedback', coalesce(fb.list, '[]'::json),
                     'childQuestionId', cq.id, 'createdAt', %s) ORDER BY s.position) AS list
            FROM subquestions s
            LEFT JOIN LATERAL (%s) an ON true
            LEFT JOIN LATERAL (%s) fb ON true
            LEFT JOIN questions cq ON cq.parent_subquestion_id = s.id AND cq.created_at <= w.submitted_at
            CROSS JOIN LATERAL (%s) st
            WHERE s.workspace_id = w.id AND s.created_at <= w.submitted_at"""
            .formatted(utc("s.created_at"), ANSWERS, FEEDBACK, STATUS);

    /** One transcript, as JSON text: the column {@code record}, for the workspace {@code w}. */
    static final String RECORD = """
            json_build_object(
              'transcriptId', w.id, 'treeId', q.tree_id, 'questionId', q.id, 'domain', t.domain,
              'depth', q.depth, 'question', q.text,
              'context', CASE WHEN w.context_unlocked AND pq.id IS NOT NULL
                              THEN q.visible_context || E'\\n\\n' || pq.visible_context
                              ELSE q.visible_context END,
              'contextUnlocked', w.context_unlocked,
              'subquestions', coalesce(subs.list, '[]'::json),
              'answer', w.answer, 'expertId', w.answered_by, 'expert', u.username,
              'createdAt', %s, 'submittedAt', %s)::text AS record""".formatted(utc("w.created_at"),
            utc("w.submitted_at"));

    /**
     * The record of the workspace {@code k.workspace_id}, as a scalar subquery (which PostgreSQL never
     * flattens into the outer join): the keys are chosen and ordered first (an index scan, or a sort
     * of two numbers a row), then each record is built in that order, so the rows stream from the
     * first one and nothing wide is ever sorted.
     */
    private static final String RECORD_OF_KEY = """
            (SELECT %s
              FROM workspaces w
              JOIN questions q ON q.id = w.question_id
              JOIN trees t ON t.id = q.tree_id
              LEFT JOIN users u ON u.id = w.answered_by
              LEFT JOIN subquestions ps ON ps.id = q.parent_subquestion_id
              LEFT JOIN workspaces pw ON pw.id = ps.workspace_id
              LEFT JOIN questions pq ON pq.id = pw.question_id
              LEFT JOIN LATERAL (%s) subs ON true
              WHERE w.id = k.workspace_id) AS record""".formatted(RECORD, SUBQUESTIONS);

    /** A snapshot's transcripts in their position: parameters snapshot id, position after. */
    static String snapshot(String limit) {
        return "SELECT k.sort_key, " + RECORD_OF_KEY + " FROM (SELECT st.position AS sort_key, st.workspace_id"
                + " FROM snapshot_transcripts st WHERE st.snapshot_id = ? AND st.position > ?"
                + " ORDER BY st.position" + limit + ") k ORDER BY k.sort_key";
    }

    /** The same rows as {@link #snapshot} without the paging key: what the benchmark hands to COPY. */
    static String snapshotRecordsOnly(long snapshotId) {
        return "SELECT " + RECORD_OF_KEY + " FROM (SELECT st.position AS sort_key, st.workspace_id"
                + " FROM snapshot_transcripts st WHERE st.snapshot_id = " + snapshotId + " ORDER BY st.position) k"
                + " ORDER BY k.sort_key";
    }

    /** Submitted transcripts matching {@code where} (which may use w, q, t), by workspace id. */
    static String filtered(String where, String limit) {
        return "SELECT k.sort_key, " + RECORD_OF_KEY + " FROM (SELECT w.id AS sort_key, w.id AS workspace_id"
                + " FROM workspaces w JOIN questions q ON q.id = w.question_id JOIN trees t ON t.id = q.tree_id"
                + " WHERE w.status = 'SUBMITTED'" + where + " ORDER BY w.id" + limit + ") k ORDER BY k.sort_key";
    }
}
