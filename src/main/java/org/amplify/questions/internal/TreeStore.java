package org.amplify.questions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amplify.questions.NewTree;
import org.amplify.questions.Tree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code trees} and {@code questions} tables. */
@Repository
public class TreeStore {

    private static final String TREE = """
            SELECT t.*, u.username AS owner_name,
              (SELECT count(*) FROM workspaces w JOIN questions q ON q.id = w.question_id WHERE q.tree_id = t.id) AS n_ws,
              (SELECT count(*) FROM workspaces w JOIN questions q ON q.id = w.question_id
                 WHERE q.tree_id = t.id AND w.status = 'OPEN') AS n_open,
              (SELECT coalesce(sum(%s), 0) FROM sub_answers a
                 JOIN subquestions s ON s.id = a.subquestion_id JOIN workspaces w ON w.id = s.workspace_id
                 JOIN questions q ON q.id = w.question_id WHERE q.tree_id = t.id) AS n_calls,
              (SELECT coalesce(sum(a.tokens), 0) FROM sub_answers a
                 JOIN subquestions s ON s.id = a.subquestion_id JOIN workspaces w ON w.id = s.workspace_id
                 JOIN questions q ON q.id = w.question_id WHERE q.tree_id = t.id) AS n_tokens,
              (SELECT w.answer FROM workspaces w JOIN questions q ON q.id = w.question_id
                 WHERE q.tree_id = t.id AND q.depth = 0 AND w.status = 'SUBMITTED' ORDER BY w.submitted_at LIMIT 1)
                 AS root_answer
            FROM trees t JOIN users u ON u.id = t.owner_id""".formatted(CopiesStore.MODEL_CALLS_OF_ANSWER);

    private final JdbcTemplate jdbc;

    TreeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insertTree(NewTree request, long ownerId, String context, Integer size, Long seed,
            String contextFacts, int modelCalls, int workspaces, int depth, int experts) {
        return jdbc.queryForObject("""
                INSERT INTO trees (domain, title, owner_id, context, context_size, context_seed, context_facts,
                  model_call_budget, workspace_budget, depth_limit, experts_per_question)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, request.domain(),
                request.question().strip(), ownerId, context, size, seed, contextFacts, modelCalls, workspaces, depth,
                experts);
    }

    /** The tree's domain, without the counts {@link #find} adds up. */
    public String domain(long treeId) {
        return jdbc.queryForObject("SELECT domain FROM trees WHERE id = ?", String.class, treeId);
    }

    public Optional<Tree> find(long id) {
        return jdbc.query(TREE + " WHERE t.id = ?", TreeStore::tree, id).stream().findFirst();
    }

    /** Newest first; {@code search} matches the title, the domain or the owner (case-insensitive). */
    public List<Tree> list(String search, int limit) {
        if (search == null || search.isBlank()) {
            return jdbc.query(TREE + " ORDER BY t.id DESC LIMIT ?", TreeStore::tree, limit);
        }
        String like = "%" + search.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
        return jdbc.query(TREE + " WHERE lower(t.title) LIKE ? OR t.domain LIKE ? OR lower(u.username) LIKE ?"
                + " ORDER BY t.id DESC LIMIT ?", TreeStore::tree, like, like, like, limit);
    }

    public long insertQuestion(long treeId, Long parentSubquestionId, int depth, String text, String visibleContext) {
        return jdbc.queryForObject("""
                INSERT INTO questions (tree_id, parent_subquestion_id, depth, text, visible_context)
                VALUES (?, ?, ?, ?, ?) RETURNING id""", Long.class, treeId, parentSubquestionId, depth, text,
                visibleContext);
    }

    /**
     * The subquestions become questions of their own with their workspaces in the queue, within
     * their trees' depth limits and workspace budgets, in one statement (the database function
     * {@code questions_become_questions}, V26, which locks the trees first).
     *
     * @param sentEvent the event to write in each asking workspace for a new question, or null
     * @return a result for each subquestion, in the order given
     */
    public List<Became> becomeQuestions(List<Long> subquestionIds, String sentEvent) {
        if (subquestionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM questions_become_questions(?::bigint[], ?)", (rs, row) -> new Became(
                rs.getLong("subquestion_id"), (Long) rs.getObject("question_id"), rs.getBoolean("created"),
                rs.getString("refusal"), (Integer) rs.getObject("refusal_limit")),
                subquestionIds.toArray(Long[]::new), sentEvent);
    }

    /**
     * What became of a subquestion sent to be a question of its own.
     *
     * @param questionId its question (a new one when {@code created}), or null when refused
     * @param refusal {@code DEPTH} or {@code BUDGET} when refused, the limit in {@code limit}
     */
    public record Became(long subquestionId, Long questionId, boolean created, String refusal, Integer limit) {
    }

    public Optional<QuestionRow> question(long id) {
        return jdbc.query("SELECT * FROM questions WHERE id = ?", TreeStore::questionRow, id).stream().findFirst();
    }

    /** The questions the subquestions became, by subquestion id (one that did not become one is left out). */
    public java.util.Map<Long, QuestionRow> questionsOf(java.util.Collection<Long> subquestionIds) {
        java.util.Map<Long, QuestionRow> rows = new java.util.HashMap<>();
        if (!subquestionIds.isEmpty()) {
            jdbc.query("SELECT * FROM questions WHERE parent_subquestion_id = ANY (?)", (ResultSet rs) -> {
                QuestionRow row = questionRow(rs, 0);
                rows.put(row.parentSubquestionId(), row);
            }, (Object) subquestionIds.toArray(Long[]::new));
        }
        return rows;
    }

    public Optional<QuestionRow> questionOf(long subquestionId) {
        return jdbc.query("SELECT * FROM questions WHERE parent_subquestion_id = ?", TreeStore::questionRow,
                subquestionId).stream().findFirst();
    }

    public List<QuestionRow> questions(long treeId) {
        return jdbc.query("SELECT * FROM questions WHERE tree_id = ? ORDER BY id", TreeStore::questionRow, treeId);
    }

    /** Locks the tree's row: budgets are checked and spent one action at a time. */
    /** Sets the tree's system prompt for the endpoint copies (null: the default one). */
    public void systemPrompt(long treeId, String systemPrompt) {
        jdbc.update("UPDATE trees SET system_prompt = ? WHERE id = ?", systemPrompt, treeId);
    }

    public void lock(long treeId) {
        jdbc.queryForObject("SELECT id FROM trees WHERE id = ? FOR UPDATE", Long.class, treeId);
    }

    public Optional<String> resolution(long questionId) {
        return jdbc.queryForList("SELECT answer FROM question_resolutions WHERE question_id = ? ORDER BY id DESC LIMIT 1",
                String.class, questionId).stream().findFirst();
    }

    public void insertResolution(long questionId, String answer, long adminId) {
        jdbc.update("INSERT INTO question_resolutions (question_id, answer, resolved_by) VALUES (?, ?, ?)", questionId,
                answer, adminId);
    }

    private static Tree tree(ResultSet rs, int row) throws SQLException {
        return new Tree(rs.getLong("id"), rs.getString("domain"), rs.getString("title"), rs.getLong("owner_id"),
                rs.getString("owner_name"), rs.getString("context"), (Integer) rs.getObject("context_size"),
                (Long) rs.getObject("context_seed"), rs.getString("context_facts"), rs.getInt("model_call_budget"), rs.getInt("workspace_budget"),
                rs.getInt("depth_limit"), rs.getInt("experts_per_question"), instant(rs.getTimestamp("created_at")),
                new Tree.TreeStats(rs.getInt("n_ws"), rs.getInt("n_open"), rs.getInt("n_calls"),
                        rs.getString("root_answer"), rs.getLong("n_tokens")), rs.getString("system_prompt"));
    }

    private static QuestionRow questionRow(ResultSet rs, int row) throws SQLException {
        return new QuestionRow(rs.getLong("id"), rs.getLong("tree_id"), (Long) rs.getObject("parent_subquestion_id"),
                rs.getInt("depth"), rs.getString("text"), rs.getString("visible_context"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A row of {@code questions}. */
    public record QuestionRow(long id, long treeId, Long parentSubquestionId, int depth, String text,
            String visibleContext) {}
}
