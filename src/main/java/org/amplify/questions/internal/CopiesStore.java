package org.amplify.questions.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.amplify.questions.CopyAnswer;
import org.amplify.questions.SubquestionToAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The copies' reads and writes in one statement each, whatever the number of subquestions: the
 * subquestions still to answer with their tree, budget and memory; the answers inserted together.
 */
@Repository
public class CopiesStore {

    /**
     * The model calls a tree made: an answer's own count where it has one (an endpoint's, failed calls
     * included), else one per copy's vote.
     */
    public static final String MODEL_CALLS_OF_ANSWER = """
            coalesce(a.model_calls, CASE WHEN a.source = 'MODEL' THEN jsonb_array_length(a.votes) ELSE 0 END)""";

    private static final String MODEL_CALLS = """
            (SELECT coalesce(sum(%s), 0) FROM sub_answers a
               JOIN subquestions s2 ON s2.id = a.subquestion_id JOIN workspaces w2 ON w2.id = s2.workspace_id
               JOIN questions q2 ON q2.id = w2.question_id WHERE q2.tree_id = t.id)""".formatted(MODEL_CALLS_OF_ANSWER);

    /** The newest trusted answer of the champion's copies or of a person to an identical subquestion. */
    private static final String REMEMBERED = """
            SELECT r.answer FROM (
              SELECT a.answer, a.created_at FROM sub_answers a
                JOIN subquestions m ON m.id = a.subquestion_id JOIN workspaces mw ON mw.id = m.workspace_id
                JOIN questions mq ON mq.id = mw.question_id JOIN trees mt ON mt.id = mq.tree_id
                WHERE mt.domain = t.domain AND m.context_hash = s.context_hash AND m.normalized_text = s.normalized_text
                  AND m.id <> s.id AND a.source = 'MODEL' AND a.trusted AND a.model_version_id = ?
              UNION ALL
              SELECT f.corrected_answer, f.created_at FROM feedback f
                JOIN subquestions m ON m.id = f.subquestion_id JOIN workspaces mw ON mw.id = m.workspace_id
                JOIN questions mq ON mq.id = mw.question_id JOIN trees mt ON mt.id = mq.tree_id
                WHERE mt.domain = t.domain AND m.context_hash = s.context_hash AND m.normalized_text = s.normalized_text
                  AND m.id <> s.id AND f.verdict = 'CORRECT'
              UNION ALL
              SELECT a.answer, a.created_at FROM sub_answers a
                JOIN subquestions m ON m.id = a.subquestion_id JOIN workspaces mw ON mw.id = m.workspace_id
                JOIN questions mq ON mq.id = mw.question_id JOIN trees mt ON mt.id = mq.tree_id
                WHERE mt.domain = t.domain AND m.context_hash = s.context_hash AND m.normalized_text = s.normalized_text
                  AND m.id <> s.id AND a.source = 'PERSON'
            ) r ORDER BY r.created_at DESC LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CopiesStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The subquestions of {@code ids} that have no answer of their own yet (people's do not count),
     * in the order of {@code ids}.
     *
     * @param modelVersionId the champion whose trusted answers are remembered (null: people's only)
     * @param defaultSystemPrompt the system prompt of a tree that has none of its own
     */
    public List<SubquestionToAnswer> toAnswer(List<Long> ids, Long modelVersionId, String defaultSystemPrompt) {
        Long[] array = ids.toArray(Long[]::new);
        return jdbc.execute((Connection connection) -> {
            Array idArray = connection.createArrayOf("bigint", array);
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.*, t.id AS tree_id, t.domain, t.context_size, t.context_seed, t.context_facts, t.context,
                      t.system_prompt,
                      t.model_call_budget - %s AS calls_left, rem.answer AS remembered
                    FROM subquestions s JOIN workspaces w ON w.id = s.workspace_id
                      JOIN questions q ON q.id = w.question_id JOIN trees t ON t.id = q.tree_id
                      LEFT JOIN LATERAL (%s) rem ON true
                    WHERE s.id = ANY (?) AND NOT EXISTS (SELECT 1 FROM sub_answers a
                      WHERE a.subquestion_id = s.id AND a.source <> 'PERSON')
                    ORDER BY array_position(?, s.id)""".formatted(MODEL_CALLS, REMEMBERED))) {
                statement.setObject(1, modelVersionId, java.sql.Types.BIGINT);
                statement.setArray(2, idArray);
                statement.setArray(3, idArray);
                List<SubquestionToAnswer> result = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        result.add(new SubquestionToAnswer(rs.getLong("id"), rs.getLong("workspace_id"),
                                rs.getLong("tree_id"), rs.getString("domain"), (Integer) rs.getObject("context_size"),
                                (Long) rs.getObject("context_seed"), rs.getString("context_facts"),
                                rs.getString("context"), rs.getString("passed_context"), rs.getString("context_hash"),
                                rs.getString("text"), rs.getString("normalized_text"), rs.getString("remembered"),
                                Math.max(0, rs.getInt("calls_left")), rs.getString("system_prompt") == null
                                        ? defaultSystemPrompt : rs.getString("system_prompt")));
                    }
                }
                return result;
            }
        });
    }

    /**
     * Inserts the answers in one statement; its trigger ({@code sub_answers_notify}, V26) tells the
     * pages on every node once the transaction commits.
     */
    public void insertAnswers(List<NewAnswer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                      INSERT INTO sub_answers (subquestion_id, source, answer, votes, agreement, trusted,
                        model_version_id, note, answered_by, vote_groups, model_calls, tokens)
                      SELECT a.id, a.source, a.answer, a.votes::jsonb, a.agreement, a.trusted, a.model_version_id, a.note,
                        a.answered_by, a.vote_groups::jsonb, a.model_calls, a.tokens
                      FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::boolean[], ?::bigint[],
                        ?::text[], ?::text[], ?::text[], ?::int[], ?::int[]) WITH ORDINALITY AS a(id, source, answer,
                        votes, agreement, trusted, model_version_id, note, answered_by, vote_groups, model_calls,
                        tokens, n)
                      ORDER BY a.n""")) {
                statement.setArray(1, connection.createArrayOf("bigint",
                        answers.stream().map(NewAnswer::subquestionId).toArray()));
                statement.setArray(2, connection.createArrayOf("text", answers.stream().map(NewAnswer::source).toArray()));
                statement.setArray(3, connection.createArrayOf("text", answers.stream().map(NewAnswer::answer).toArray()));
                statement.setArray(4, connection.createArrayOf("text",
                        answers.stream().map(a -> json.writeValueAsString(a.votes())).toArray()));
                statement.setArray(5, connection.createArrayOf("float8",
                        answers.stream().map(NewAnswer::agreement).toArray()));
                statement.setArray(6, connection.createArrayOf("boolean", answers.stream().map(NewAnswer::trusted).toArray()));
                statement.setArray(7, connection.createArrayOf("bigint",
                        answers.stream().map(NewAnswer::modelVersionId).toArray()));
                statement.setArray(8, connection.createArrayOf("text", answers.stream().map(NewAnswer::note).toArray()));
                statement.setArray(9, connection.createArrayOf("text", answers.stream()
                        .map(a -> a.calls() == null ? null : a.calls().answeredBy()).toArray()));
                statement.setArray(10, connection.createArrayOf("text", answers.stream()
                        .map(a -> a.calls() == null || a.calls().voteGroups().isEmpty() ? null
                                : json.writeValueAsString(a.calls().voteGroups())).toArray()));
                statement.setArray(11, connection.createArrayOf("integer", answers.stream()
                        .map(a -> a.calls() == null ? null : a.calls().modelCalls()).toArray()));
                statement.setArray(12, connection.createArrayOf("integer", answers.stream()
                        .map(a -> a.calls() == null ? null : a.calls().tokens()).toArray()));
                statement.executeUpdate();
                return null;
            }
        });
    }

    /**
     * A row of {@code sub_answers} to insert; an answer or a note longer than its column is cut.
     *
     * @param calls who answered and the calls and tokens it cost, or null
     */
    public record NewAnswer(long subquestionId, String source, String answer, List<String> votes, Double agreement,
            boolean trusted, Long modelVersionId, String note, CopyAnswer.Calls calls) {

        public NewAnswer {
            answer = cut(answer, 2000);
            note = cut(note, 500);
        }

        public NewAnswer(long subquestionId, String source, String answer, List<String> votes, Double agreement,
                boolean trusted, Long modelVersionId, String note) {
            this(subquestionId, source, answer, votes, agreement, trusted, modelVersionId, note, null);
        }

        /** The same answer with another note. */
        public NewAnswer withNote(String other) {
            return new NewAnswer(subquestionId, source, answer, votes, agreement, trusted, modelVersionId, other, calls);
        }

        private static String cut(String text, int max) {
            return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }

}
