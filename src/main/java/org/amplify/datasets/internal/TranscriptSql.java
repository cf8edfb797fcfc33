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
 * are read from the questions module's view {@code questions_subquestion_states}, which follows
 * {@code questions.QuestionFlow#subquestion}. Every table is read through a view its owning module
 * publishes (migration V20): {@code questions_*}, {@code distillation_*}, {@code accounts_users}.
 *
 * <p>One statement per export: each workspace's subquestions, and each subquestion's answers and
 * feedback, are aggregated by index lookups (the views are inlined: a subquestion by its workspace
 * and position, an answer or a verdict by its subquestion and id), no query per row.
 */
final class TranscriptSql {

    private TranscriptSql() {
    }

    /** A timestamp as text, always {@code 2025-01-31T12:00:00.000000Z}. */
    static String utc(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /** A subquestion's answers as they were when its workspace was submitted (the json list), by id. */
    private static final String ANSWERS = """
            SELECT json_agg(json_build_object(
                     'id', a.id, 'source', a.source, 'answer', a.answer, 'votes', a.votes::json,
                     'agreement', a.agreement, 'trusted', a.trusted, 'modelVersionId', a.model_version_id,
                     'note', a.note, 'createdAt', %s) ORDER BY a.id) AS list
            FROM questions_answers a WHERE a.subquestion_id = s.id AND a.created_at <= w.submitted_at"""
            .formatted(utc("a.created_at"));

    /** A subquestion's verdicts as they were when its workspace was submitted (the json list), by id. */
    private static final String FEEDBACK = """
            SELECT json_agg(json_build_object(
                     'id', f.id, 'verdict', f.verdict, 'correctedAnswer', f.corrected_answer,
                     'judgedAnswerId', f.sub_answer_id, 'modelVersionId', f.model_version_id,
                     'expertId', f.expert_id, 'expert', fu.username, 'createdAt', %s) ORDER BY f.id) AS list
            FROM questions_feedback f JOIN accounts_users fu ON fu.id = f.expert_id
            WHERE f.subquestion_id = s.id AND f.created_at <= w.submitted_at""".formatted(utc("f.created_at"));

    /**
     * A workspace's subquestions; each one's status, answer and child question come from the view
     * {@code questions_subquestion_states} (V20), where the questions module keeps QuestionFlow's rule.
     */
    private static final String SUBQUESTIONS = """
            SELECT json_agg(json_build_object(
                     'id', s.id, 'position', s.position, 'question', s.text, 'passedContext', s.passed_context,
                     'status', st.status, 'answer', st.answer,
                     'answers', coalesce(an.list, '[]'::json), 'feedback', coalesce(fb.list, '[]'::json),
                     'childQuestionId', st.child_question_id, 'createdAt', %s) ORDER BY s.position) AS list
            FROM questions_subquestions s
            JOIN questions_subquestion_states st ON st.subquestion_id = s.id
            LEFT JOIN LATERAL (%s) an ON true
            LEFT JOIN LATERAL (%s) fb ON true
            WHERE s.workspace_id = w.id AND s.created_at <= w.submitted_at"""
            .formatted(utc("s.created_at"), ANSWERS, FEEDBACK);

    /** One transcript, as JSON text: the column {@code record}, for the workspace {@code w}. */
    static final String RECORD = """
            json_build_object(
              'transcriptId', w.id, 'treeId', w.tree_id, 'questionId', w.question_id, 'domain', w.domain,
              'depth', w.depth, 'question', w.question, 'context', w.context,
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
              FROM questions_transcripts w
              LEFT JOIN accounts_users u ON u.id = w.answered_by
              LEFT JOIN LATERAL (%s) subs ON true
              WHERE w.id = k.workspace_id) AS record""".formatted(RECORD, SUBQUESTIONS);

    /** A snapshot's transcripts in their position: parameters snapshot id, position after. */
    static String snapshot(String limit) {
        return "SELECT k.sort_key, " + RECORD_OF_KEY + " FROM (SELECT st.position AS sort_key, st.workspace_id"
                + " FROM distillation_snapshot_transcripts st WHERE st.snapshot_id = ? AND st.position > ?"
                + " ORDER BY st.position" + limit + ") k ORDER BY k.sort_key";
    }

    /** The same rows as {@link #snapshot} without the paging key: what the benchmark hands to COPY. */
    static String snapshotRecordsOnly(long snapshotId) {
        return "SELECT " + RECORD_OF_KEY + " FROM (SELECT st.position AS sort_key, st.workspace_id"
                + " FROM distillation_snapshot_transcripts st WHERE st.snapshot_id = " + snapshotId + " ORDER BY st.position) k"
                + " ORDER BY k.sort_key";
    }

    /** Submitted transcripts matching {@code where} (which may use w, a row of questions_transcripts), by id. */
    static String filtered(String where, String limit) {
        return "SELECT k.sort_key, " + RECORD_OF_KEY + " FROM (SELECT w.id AS sort_key, w.id AS workspace_id"
                + " FROM questions_transcripts w WHERE w.status = 'SUBMITTED'" + where + " ORDER BY w.id" + limit + ") k ORDER BY k.sort_key";
    }
}
