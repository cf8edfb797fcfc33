package org.amplify.questions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.Feedback;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code subquestions}, their {@code sub_answers} and the experts' {@code feedback}: all append-only. */
@Repository
public class SubquestionStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SubquestionStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(long workspaceId, String text, String normalizedText, String passedContext, String contextHash,
            long askedBy) {
        return jdbc.queryForObject("""
                INSERT INTO subquestions (workspace_id, position, text, normalized_text, passed_context, context_hash,
                  asked_by)
                VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM subquestions WHERE workspace_id = ?), ?, ?, ?, ?, ?)
                RETURNING id""", Long.class, workspaceId, workspaceId, text, normalizedText, passedContext, contextHash,
                askedBy);
    }

    public Optional<SubquestionRow> find(long id) {
        return jdbc.query("SELECT * FROM subquestions WHERE id = ?", SubquestionStore::row, id).stream().findFirst();
    }

    public List<SubquestionRow> ofWorkspace(long workspaceId) {
        return jdbc.query("SELECT * FROM subquestions WHERE workspace_id = ? ORDER BY position", SubquestionStore::row,
                workspaceId);
    }

    public List<SubquestionRow> ofTree(long treeId) {
        return jdbc.query("""
                SELECT s.* FROM subquestions s JOIN workspaces w ON w.id = s.workspace_id
                JOIN questions q ON q.id = w.question_id WHERE q.tree_id = ? ORDER BY s.workspace_id, s.position""",
                SubquestionStore::row, treeId);
    }

    public long insertAnswer(long subquestionId, AnswerSource source, String answer, List<String> votes,
            Double agreement, boolean trusted, Long modelVersionId, String note) {
        return jdbc.queryForObject("""
                INSERT INTO sub_answers (subquestion_id, source, answer, votes, agreement, trusted, model_version_id, note)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?) RETURNING id""", Long.class, subquestionId, source.name(), answer,
                json.writeValueAsString(votes), agreement, trusted, modelVersionId, note);
    }

    /** The answers of each of the subquestions, oldest first (a subquestion without any is left out). */
    public java.util.Map<Long, List<SubAnswer>> answers(java.util.Collection<Long> subquestionIds) {
        java.util.Map<Long, List<SubAnswer>> answers = new java.util.HashMap<>();
        if (!subquestionIds.isEmpty()) {
            jdbc.query("SELECT * FROM sub_answers WHERE subquestion_id = ANY (?) ORDER BY id", (ResultSet rs) -> {
                answers.computeIfAbsent(rs.getLong("subquestion_id"), id -> new java.util.ArrayList<>())
                        .add(answer(rs, 0));
            }, (Object) subquestionIds.toArray(Long[]::new));
        }
        return answers;
    }

    /** The experts' feedback on each of the subquestions, oldest first (one without any is left out). */
    public java.util.Map<Long, List<Feedback>> feedback(java.util.Collection<Long> subquestionIds) {
        java.util.Map<Long, List<Feedback>> feedback = new java.util.HashMap<>();
        if (!subquestionIds.isEmpty()) {
            jdbc.query("""
                    SELECT f.*, u.username FROM feedback f JOIN users u ON u.id = f.expert_id
                    WHERE f.subquestion_id = ANY (?) ORDER BY f.id""", (ResultSet rs) -> {
                feedback.computeIfAbsent(rs.getLong("subquestion_id"), id -> new java.util.ArrayList<>())
                        .add(feedback(rs));
            }, (Object) subquestionIds.toArray(Long[]::new));
        }
        return feedback;
    }

    public List<SubAnswer> answers(long subquestionId) {
        return jdbc.query("SELECT * FROM sub_answers WHERE subquestion_id = ? ORDER BY id", this::answer, subquestionId);
    }

    public long insertFeedback(long subquestionId, Long subAnswerId, Verdict verdict, String correctedAnswer,
            long expertId, Long modelVersionId) {
        return jdbc.queryForObject("""
                INSERT INTO feedback (subquestion_id, sub_answer_id, verdict, corrected_answer, expert_id, model_version_id)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, subquestionId, subAnswerId, verdict.name(),
                correctedAnswer, expertId, modelVersionId);
    }

    public List<Feedback> feedback(long subquestionId) {
        return jdbc.query("""
                SELECT f.*, u.username FROM feedback f JOIN users u ON u.id = f.expert_id
                WHERE f.subquestion_id = ? ORDER BY f.id""", (rs, row) -> feedback(rs), subquestionId);
    }

    private static Feedback feedback(ResultSet rs) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getLong("subquestion_id"), Verdict.valueOf(rs.getString("verdict")),
                rs.getString("corrected_answer"), rs.getLong("expert_id"), rs.getString("username"),
                (Long) rs.getObject("model_version_id"), TreeStore.instant(rs.getTimestamp("created_at")));
    }

    private SubAnswer answer(ResultSet rs, int row) throws SQLException {
        return new SubAnswer(rs.getLong("id"), AnswerSource.valueOf(rs.getString("source")), rs.getString("answer"),
                json.readValue(rs.getString("votes"), new TypeReference<List<String>>() { }),
                (Double) rs.getObject("agreement"), rs.getBoolean("trusted"), (Long) rs.getObject("model_version_id"),
                rs.getString("note"), TreeStore.instant(rs.getTimestamp("created_at")), rs.getString("answered_by"),
                rs.getString("vote_groups") == null ? List.of()
                        : json.readValue(rs.getString("vote_groups"), new TypeReference<List<Integer>>() { }),
                (Integer) rs.getObject("model_calls"), (Integer) rs.getObject("tokens"));
    }

    private static SubquestionRow row(ResultSet rs, int row) throws SQLException {
        return new SubquestionRow(rs.getLong("id"), rs.getLong("workspace_id"), rs.getInt("position"),
                rs.getString("text"), rs.getString("normalized_text"), rs.getString("passed_context"),
                rs.getString("context_hash"), rs.getLong("asked_by"), TreeStore.instant(rs.getTimestamp("created_at")));
    }

    /** A row of {@code subquestions}. */
    public record SubquestionRow(long id, long workspaceId, int position, String text, String normalizedText,
            String passedContext, String contextHash, long askedBy, Instant createdAt) {}
}
