package org.amplify.datasets.internal;

import static org.amplify.datasets.internal.TranscriptSql.utc;

/**
 * The SQL that writes one verdict as one line of JSON: every row of {@code questions_feedback} (accept,
 * correct, expand), with the subquestion it judged, the answer it judged and the model version
 * that gave it. Append-only rows, ordered by id: the same rows always give the same bytes.
 */
final class FeedbackSql {

    private FeedbackSql() {
    }

    static final String RECORD = """
            json_build_object(
              'id', f.id, 'transcriptId', s.workspace_id, 'transcriptSubmitted', w.status = 'SUBMITTED',
              'treeId', w.tree_id, 'domain', w.domain, 'subquestionId', s.id, 'subquestion', s.text,
              'judgedAnswerId', f.sub_answer_id, 'judgedAnswer', a.answer, 'judgedSource', a.source,
              'verdict', f.verdict, 'correctedAnswer', f.corrected_answer, 'modelVersionId', f.model_version_id,
              'expertId', f.expert_id, 'expert', u.username, 'createdAt', %s)::text AS record"""
            .formatted(utc("f.created_at"));

    /** The feedback {@code k.feedback_id} as a scalar subquery: keys first, in order, then each record. */
    private static final String RECORD_OF_KEY = """
            (SELECT %s
              FROM questions_feedback f
              JOIN questions_subquestions s ON s.id = f.subquestion_id
              JOIN questions_transcripts w ON w.id = s.workspace_id
              JOIN accounts_users u ON u.id = f.expert_id
              LEFT JOIN questions_answers a ON a.id = f.sub_answer_id
              WHERE f.id = k.feedback_id) AS record""".formatted(RECORD);

    /** Verdicts matching {@code where} (which may use f, s, and w: a row of questions_transcripts), by id. */
    static String filtered(String where, String limit) {
        return "SELECT k.sort_key, " + RECORD_OF_KEY + " FROM (SELECT f.id AS sort_key, f.id AS feedback_id"
                + " FROM questions_feedback f JOIN questions_subquestions s ON s.id = f.subquestion_id"
                + " JOIN questions_transcripts w ON w.id = s.workspace_id"
                + " WHERE true" + where + " ORDER BY f.id" + limit + ") k ORDER BY k.sort_key";
    }
}
