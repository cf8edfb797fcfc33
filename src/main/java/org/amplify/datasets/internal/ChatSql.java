package org.amplify.datasets.internal;

/**
 * The SQL of a snapshot's fine-tuning exports, written by PostgreSQL one JSON object a line: the
 * chat format (a system, a user and an assistant message, as Hugging Face TRL's {@code SFTTrainer}
 * and OpenAI fine-tuning take it) and preference pairs (TRL's conversational preference format,
 * as its {@code DPOTrainer} takes it).
 *
 * <p>A step of a transcript is a question and the answer a person gave or vouched for, the rule a
 * distillation round trains by ({@code distillation.internal.TrainingExamples}): the transcript's
 * question with its final answer; each of its subquestions (as the workspace was submitted) that was
 * corrected (the correction), answered by a person (that answer), or answered by the copies, the
 * context or memory and accepted by an expert (that answer). Trusted answers nobody judged, and blank
 * answers, are left out. Status and answer come from the questions module's view
 * {@code questions_subquestion_states}, as in the other exports.
 *
 * <p>The system message is the tree's system prompt ({@code questions_trees}, V25), or the default
 * when the tree has none (the same default as the copies'). The user message is the copies' format
 * ({@code Context:}, the context, a blank line, {@code Question:} and the question; {@code Question:} alone
 * when there is no context), the context being: for the transcript's question the context its workspace saw; for
 * a subquestion of {@code text} only the context passed down to it (pointers hide the rest, from
 * models as from people); for a subquestion of an algorithmic domain, in its token notation, the
 * facts of its tree, which its model reads whole.
 *
 * <p>Lines follow the snapshot's order, then the question before its subquestions in the order asked;
 * keys are in a fixed order ({@code json_build_object} keeps it): the same rows always give the same bytes.
 */
final class ChatSql {

    private ChatSql() {
    }

    /** The system message of the step {@code k}, over {@code questions_trees t}: parameter the default prompt. */
    private static final String SYSTEM = "json_build_object('role', 'system', 'content', "
            + "coalesce(nullif(btrim(t.system_prompt), ''), ?::text))";

    /** Whitespace as Java's {@code String.strip} removes it (the usual kinds). */
    private static final String SPACE = "E' \\t\\r\\n'";

    /**
     * The user message of the step {@code k}: its question and its context when it has one, in the
     * format the endpoint copies send ({@code questions.CopyPrompt}): a model fine-tuned on the export
     * reads what the copies will ask it.
     */
    private static final String USER = "json_build_object('role', 'user', 'content',"
            + " CASE WHEN btrim(coalesce(k.context, ''), " + SPACE + ") = ''"
            + " THEN 'Question: ' || btrim(k.question, " + SPACE + ")"
            + " ELSE E'Context:\\n' || btrim(k.context, " + SPACE + ") || E'\\n\\nQuestion: ' || btrim(k.question, "
            + SPACE + ") END)";

    private static String assistant(String content) {
        return "json_build_object('role', 'assistant', 'content', " + content + ")";
    }

    /** A snapshot's transcripts joined to their workspaces: parameter the snapshot id. */
    private static final String TRANSCRIPTS = " FROM distillation_snapshot_transcripts sn"
            + " JOIN questions_transcripts w ON w.id = sn.workspace_id";

    /** ... and their subquestions as submitted, with their state. */
    private static final String SUBQUESTIONS = TRANSCRIPTS
            + " JOIN questions_subquestions s ON s.workspace_id = w.id AND s.created_at <= w.submitted_at"
            + " JOIN questions_subquestion_states st ON st.subquestion_id = s.id";

    /** What a subquestion's model reads besides it: the passed context in text, the tree's facts elsewhere. */
    private static final String SUBQUESTION_CONTEXT = "CASE WHEN w.domain = 'text' THEN s.passed_context"
            + " ELSE w.context END";

    /** The sort key of a subquestion's step: its transcript's position, shifted left 24 bits, plus its own. */
    private static final String SUBQUESTION_KEY = "(sn.position::bigint << 24) + s.position";

    /**
     * The chat-format lines of a snapshot: parameters the default system prompt, then the snapshot
     * id twice.
     */
    static String chat() {
        return "SELECT k.sort_key, json_build_object('messages', json_build_array(" + SYSTEM + ", " + USER + ", "
                + assistant("k.answer") + "))::text AS record FROM ("
                + "SELECT sn.position::bigint << 24 AS sort_key, 0 AS step, w.tree_id, w.question, w.context, w.answer"
                + TRANSCRIPTS + " WHERE sn.snapshot_id = ? AND btrim(coalesce(w.answer, '')) <> ''"
                + " UNION ALL SELECT " + SUBQUESTION_KEY + ", 1, w.tree_id, s.text, " + SUBQUESTION_CONTEXT + ", st.answer"
                + SUBQUESTIONS + " WHERE sn.snapshot_id = ? AND btrim(coalesce(st.answer, '')) <> ''"
                + " AND (st.status IN ('CORRECTED', 'ANSWERED_BY_PERSON') OR (st.status = 'ANSWERED_BY_MODEL'"
                + " AND EXISTS (SELECT 1 FROM questions_feedback f WHERE f.subquestion_id = s.id"
                + " AND f.verdict = 'ACCEPT' AND f.created_at <= w.submitted_at)))"
                + ") k JOIN questions_trees t ON t.id = k.tree_id ORDER BY k.sort_key, k.step";
    }

    /**
     * The preference pairs of a snapshot: one per subquestion whose standing verdict when its workspace
     * was submitted (the newest that is not an expand) corrected a model's answer (of the copies, or
     * memory of a model version's answer) into a different one: chosen the correction, rejected the
     * answer it judged. Parameters the default system prompt, then the snapshot id.
     */
    static String preferences() {
        return "SELECT k.sort_key, json_build_object('prompt', json_build_array(" + SYSTEM + ", " + USER + "),"
                + " 'chosen', json_build_array(" + assistant("k.chosen") + "),"
                + " 'rejected', json_build_array(" + assistant("k.rejected") + "))::text AS record FROM ("
                + "SELECT " + SUBQUESTION_KEY + " AS sort_key, w.tree_id, s.text AS question, "
                + SUBQUESTION_CONTEXT + " AS context, st.corrected_answer AS chosen, ja.answer AS rejected"
                + SUBQUESTIONS
                + " CROSS JOIN LATERAL (SELECT f.sub_answer_id FROM questions_feedback f WHERE f.subquestion_id = s.id"
                + " AND f.verdict <> 'EXPAND' AND f.created_at <= w.submitted_at ORDER BY f.id DESC LIMIT 1) jf"
                + " JOIN questions_answers ja ON ja.id = jf.sub_answer_id"
                + " WHERE sn.snapshot_id = ? AND st.status = 'CORRECTED'"
                + " AND (ja.source = 'MODEL' OR (ja.source = 'MEMORY' AND ja.model_version_id IS NOT NULL))"
                + " AND btrim(coalesce(ja.answer, '')) <> '' AND btrim(coalesce(st.corrected_answer, '')) <> ''"
                + " AND btrim(ja.answer) <> btrim(st.corrected_answer)"
                + ") k JOIN questions_trees t ON t.id = k.tree_id ORDER BY k.sort_key";
    }
}
