package org.amplify.questions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amplify.questions.Decomposition;
import org.amplify.questions.HistoryEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code workspaces} table and its append-only {@code workspace_events}. The scratchpad and the
 * draft answer are saved with optimistic locking (the version the expert loaded); the queue hands
 * out the oldest open workspace nobody holds with {@code FOR UPDATE SKIP LOCKED}. A closed workspace
 * (its answer no longer needed) is kept but never handed out.
 */
@Repository
public class WorkspaceStore {

    private static final String WORKSPACE = """
            SELECT w.*, h.username AS held_by_name, a.username AS answered_by_name, q.tree_id
            FROM workspaces w JOIN questions q ON q.id = w.question_id
            LEFT JOIN users h ON h.id = w.held_by LEFT JOIN users a ON a.id = w.answered_by""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    WorkspaceStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new open workspace, held by {@code heldBy} for {@code hold} (or by nobody: then it is in the queue). */
    public long insert(long questionId, Long heldBy, Duration hold) {
        return jdbc.queryForObject("""
                INSERT INTO workspaces (question_id, status, held_by, held_until)
                VALUES (?, 'OPEN', ?, CASE WHEN ?::bigint IS NULL THEN NULL ELSE now() + ?::interval END) RETURNING id""",
                Long.class, questionId, heldBy, heldBy, hold.toSeconds() + " seconds");
    }

    public Optional<WorkspaceRow> find(long id) {
        return jdbc.query(WORKSPACE + " WHERE w.id = ?", WorkspaceStore::row, id).stream().findFirst();
    }

    /** The row, locked until the transaction ends: one action on a workspace at a time. */
    public Optional<WorkspaceRow> lock(long id) {
        return jdbc.query(WORKSPACE + " WHERE w.id = ? FOR UPDATE OF w", WorkspaceStore::row, id).stream().findFirst();
    }

    public List<WorkspaceRow> ofQuestion(long questionId) {
        return jdbc.query(WORKSPACE + " WHERE w.question_id = ? ORDER BY w.id", WorkspaceStore::row, questionId);
    }

    /** The workspaces of each of the questions, oldest first (a question without any is left out). */
    public java.util.Map<Long, List<WorkspaceRow>> ofQuestions(java.util.Collection<Long> questionIds) {
        java.util.Map<Long, List<WorkspaceRow>> rows = new java.util.HashMap<>();
        if (!questionIds.isEmpty()) {
            jdbc.query(WORKSPACE + " WHERE w.question_id = ANY (?) ORDER BY w.id", (ResultSet rs) -> {
                WorkspaceRow row = row(rs, 0);
                rows.computeIfAbsent(row.questionId(), id -> new java.util.ArrayList<>()).add(row);
            }, (Object) questionIds.toArray(Long[]::new));
        }
        return rows;
    }

    public List<WorkspaceRow> ofTree(long treeId) {
        return jdbc.query(WORKSPACE + " WHERE q.tree_id = ? ORDER BY w.id", WorkspaceStore::row, treeId);
    }

    /** Submitted workspaces of a domain, oldest submission first. */
    public List<Long> submittedIds(String domain) {
        return jdbc.queryForList("""
                SELECT w.id FROM workspaces w JOIN questions q ON q.id = w.question_id JOIN trees t ON t.id = q.tree_id
                WHERE t.domain = ? AND w.status = 'SUBMITTED' ORDER BY w.submitted_at, w.id""", Long.class, domain);
    }

    /**
     * The submitted workspaces of a domain that asked subquestions, each with its question and the
     * texts of its subquestions in order; oldest submission first.
     */
    public List<Decomposition> decompositions(String domain) {
        record Asked(long workspaceId, long questionId, String question, String subquestion) {}
        List<Asked> rows = jdbc.query("""
                SELECT w.id, q.id AS question_id, q.text AS question, s.text AS subquestion
                FROM workspaces w JOIN questions q ON q.id = w.question_id JOIN trees t ON t.id = q.tree_id
                JOIN subquestions s ON s.workspace_id = w.id
                WHERE t.domain = ? AND w.status = 'SUBMITTED' ORDER BY w.submitted_at, w.id, s.position""",
                (rs, n) -> new Asked(rs.getLong("id"), rs.getLong("question_id"), rs.getString("question"),
                        rs.getString("subquestion")), domain);
        List<Decomposition> result = new ArrayList<>();
        for (int from = 0, to; from < rows.size(); from = to) {
            Asked first = rows.get(from);
            List<String> subquestions = new ArrayList<>();
            for (to = from; to < rows.size() && rows.get(to).workspaceId() == first.workspaceId(); to++) {
                subquestions.add(rows.get(to).subquestion());
            }
            result.add(new Decomposition(first.workspaceId(), first.questionId(), first.question(), subquestions));
        }
        return result;
    }

    /** Lets go of the workspace if {@code accountId} holds it. */
    public void release(long id, long accountId) {
        jdbc.update("UPDATE workspaces SET held_by = NULL, held_until = NULL WHERE id = ? AND held_by = ?", id,
                accountId);
    }

    /** Holds the workspace for {@code accountId} until now + hold. */
    public void hold(long id, long accountId, Duration hold) {
        jdbc.update("UPDATE workspaces SET held_by = ?, held_until = now() + ?::interval WHERE id = ?", accountId,
                hold.toSeconds() + " seconds", id);
    }

    /** Saves the texts if nobody saved since {@code version}; answers whether it did. */
    public boolean save(long id, long version, String scratchpad, String draftAnswer) {
        return jdbc.update("""
                UPDATE workspaces SET scratchpad = ?, draft_answer = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'OPEN'""", scratchpad, draftAnswer, id, version) == 1;
    }

    /** Submits the answer if nobody saved since {@code version}; releases the hold. */
    public boolean submit(long id, long version, String answer, long accountId) {
        return jdbc.update("""
                UPDATE workspaces SET status = 'SUBMITTED', answer = ?, draft_answer = ?, answered_by = ?,
                  submitted_at = now(), held_by = NULL, held_until = NULL, version = version + 1
                WHERE id = ? AND version = ? AND status = 'OPEN'""", answer, answer, accountId, id, version) == 1;
    }

    /** Closes the workspace if it is open (its answer is no longer needed); answers whether it did. */
    public boolean close(long id) {
        return jdbc.update("""
                UPDATE workspaces SET status = 'CLOSED', closed_at = now(), held_by = NULL, held_until = NULL,
                  version = version + 1 WHERE id = ? AND status = 'OPEN'""", id) == 1;
    }

    /** Per tree of the given ones: its submitted workspaces and those still open (closed ones are no work). */
    public Map<Long, int[]> progress(java.util.Collection<Long> treeIds) {
        if (treeIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, int[]> result = new java.util.HashMap<>();
        jdbc.query("""
                SELECT q.tree_id, count(*) FILTER (WHERE w.status = 'SUBMITTED') AS done,
                       count(*) FILTER (WHERE w.status <> 'CLOSED') AS total
                FROM workspaces w JOIN questions q ON q.id = w.question_id
                WHERE q.tree_id = ANY (?) GROUP BY q.tree_id""", rs -> {
            result.put(rs.getLong("tree_id"), new int[] {rs.getInt("done"), rs.getInt("total")});
        }, (Object) treeIds.toArray(Long[]::new));
        return result;
    }

    public void unlock(long id) {
        jdbc.update("UPDATE workspaces SET context_unlocked = true WHERE id = ?", id);
    }

    /**
     * Claims the oldest open workspace that nobody holds (or whose hold expired), skipping rows
     * another transaction is claiming; none of {@code accountId}'s own questions' other copies.
     */
    public Optional<Long> claimNext(long accountId, Duration hold) {
        List<Long> ids = jdbc.queryForList("""
                SELECT w.id FROM workspaces w
                WHERE w.status = 'OPEN' AND (w.held_by IS NULL OR w.held_until < now())
                  AND NOT EXISTS (SELECT 1 FROM workspaces o WHERE o.question_id = w.question_id AND o.id <> w.id
                                  AND (o.answered_by = ? OR (o.held_by = ? AND o.held_until >= now())))
                  AND NOT EXISTS (SELECT 1 FROM workspace_events e WHERE e.workspace_id = w.id AND e.kind = 'SKIP'
                                  AND e.actor_id = ?)
                ORDER BY w.created_at, w.id LIMIT 1 FOR UPDATE SKIP LOCKED""", Long.class, accountId, accountId,
                accountId);
        ids.forEach(id -> hold(id, accountId, hold));
        return ids.stream().findFirst();
    }

    /** Open workspaces: how many wait for someone, and who holds the others (for admins). */
    public List<WorkspaceRow> open() {
        return jdbc.query(WORKSPACE + " WHERE w.status = 'OPEN' ORDER BY w.created_at, w.id", WorkspaceStore::row);
    }

    public void event(long workspaceId, String kind, Long actorId, Map<String, ?> detail) {
        jdbc.update("INSERT INTO workspace_events (workspace_id, kind, actor_id, detail) VALUES (?, ?, ?, ?::jsonb)",
                workspaceId, kind, actorId, json.writeValueAsString(detail));
    }

    public List<HistoryEvent> history(long workspaceId) {
        return jdbc.query("""
                SELECT e.*, u.username FROM workspace_events e LEFT JOIN users u ON u.id = e.actor_id
                WHERE e.workspace_id = ? ORDER BY e.id""", (rs, row) -> new HistoryEvent(rs.getLong("id"),
                rs.getLong("workspace_id"), rs.getString("kind"), rs.getString("username"),
                json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() { }),
                TreeStore.instant(rs.getTimestamp("created_at"))), workspaceId);
    }

    /** Who saved the workspace last (for the conflict message). */
    public Optional<String> lastSavedBy(long workspaceId) {
        return jdbc.queryForList("""
                SELECT u.username FROM workspace_events e JOIN users u ON u.id = e.actor_id
                WHERE e.workspace_id = ? AND e.kind IN ('SAVE', 'ANSWER') ORDER BY e.id DESC LIMIT 1""", String.class,
                workspaceId).stream().findFirst();
    }

    private static WorkspaceRow row(ResultSet rs, int row) throws SQLException {
        return new WorkspaceRow(rs.getLong("id"), rs.getLong("question_id"), rs.getLong("tree_id"),
                "OPEN".equals(rs.getString("status")), "CLOSED".equals(rs.getString("status")), (Long) rs.getObject("held_by"), rs.getString("held_by_name"),
                TreeStore.instant(rs.getTimestamp("held_until")), rs.getString("scratchpad"),
                rs.getString("draft_answer"), rs.getString("answer"), (Long) rs.getObject("answered_by"),
                rs.getString("answered_by_name"), TreeStore.instant(rs.getTimestamp("submitted_at")),
                rs.getBoolean("context_unlocked"), rs.getLong("version"), TreeStore.instant(rs.getTimestamp("created_at")));
    }

    /** A row of {@code workspaces}. */
    public record WorkspaceRow(long id, long questionId, long treeId, boolean open, boolean closed, Long heldBy, String heldByName,
            Instant heldUntil, String scratchpad, String draftAnswer, String answer, Long answeredBy,
            String answeredByName, Instant submittedAt, boolean contextUnlocked, long version, Instant createdAt) {

        /** Held by someone other than {@code accountId}, and the hold has not expired. */
        public boolean heldByOther(long accountId) {
            return heldBy != null && heldBy != accountId && heldUntil != null && heldUntil.isAfter(Instant.now());
        }
    }
}
