package org.amplify.distillation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amplify.AppNodes;
import org.amplify.RunEnding;
import org.amplify.RunStore;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundPhase;
import org.amplify.distillation.RoundStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code rounds}, {@code snapshots} and {@code snapshot_transcripts} tables. A change of status
 * is one conditional UPDATE from the status it expects, so a cancel, the worker and the start-up
 * recovery never overwrite each other; a unique index keeps one unfinished round per domain.
 */
@Repository
public class RoundRepository implements RunStore.Cancellable<RoundProgress> {

    private static final String ROUND = """
            SELECT r.*, s.id AS snapshot_id, s.size AS snapshot_size FROM rounds r
            LEFT JOIN snapshots s ON s.round_id = r.id""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RoundRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new QUEUED round; empty when the domain already has one queued or running. */
    public Optional<Long> insert(String domain, RoundOptions options, String startedBy, Long parentVersionId) {
        try {
            return Optional.of(jdbc.queryForObject("""
                    INSERT INTO rounds (domain, status, options, started_by, parent_version_id)
                    VALUES (?, 'QUEUED', ?::jsonb, ?, ?) RETURNING id""", Long.class, domain,
                    json.writeValueAsString(options), startedBy, parentVersionId));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public void jobId(long id, UUID jobId) {
        jdbc.update("UPDATE rounds SET job_id = ? WHERE id = ?", jobId, id);
    }

    public Optional<Round> find(long id) {
        return jdbc.query(ROUND + " WHERE r.id = ?", this::round, id).stream().findFirst();
    }

    /** Newest first; every domain when {@code domain} is null. */
    public List<Round> list(String domain, int limit) {
        return domain == null ? jdbc.query(ROUND + " ORDER BY r.id DESC LIMIT ?", this::round, limit)
                : jdbc.query(ROUND + " WHERE r.domain = ? ORDER BY r.id DESC LIMIT ?", this::round, domain, limit);
    }

    public Optional<Round> unfinished(String domain) {
        return jdbc.query(ROUND + " WHERE r.domain = ? AND r.status IN ('QUEUED', 'RUNNING')", this::round, domain)
                .stream().findFirst();
    }

    /** The rounds of the domain that trained its student (the champion was an endpoint when they started). */
    public java.util.Set<Long> studentRounds(String domain) {
        return new java.util.HashSet<>(jdbc.queryForList("""
                SELECT id FROM rounds WHERE domain = ? AND (options ->> 'student') = 'true'""", Long.class, domain));
    }

    public RoundOptions options(long id) {
        return json.readValue(jdbc.queryForObject("SELECT options FROM rounds WHERE id = ?", String.class, id),
                RoundOptions.class);
    }

    @Override
    public String name() {
        return "Round";
    }

    @Override
    public String stoppedByShutdown() {
        return "the application stopped during the round";
    }

    /** QUEUED to RUNNING, unless it was cancelled or interrupted meanwhile. */
    @Override
    public boolean claim(long id, String node) {
        return jdbc.update("""
                UPDATE rounds SET status = 'RUNNING', started_at = now(), owner_node = ?
                WHERE id = ? AND status = 'QUEUED' AND NOT cancel_requested""", node, id) == 1;
    }

    /** Records the phase and progress; answers whether a cancel was asked for. */
    @Override
    public boolean progress(long id, RoundProgress progress) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                UPDATE rounds SET phase = ?, step = ?, total_steps = ?, loss = coalesce(?, loss) WHERE id = ?
                RETURNING cancel_requested""", Boolean.class, progress.phase().name(), progress.step(),
                progress.totalSteps(), progress.loss(), id));
    }

    /** Asks an unfinished round to stop; a queued one stops at once. Answers whether it was unfinished. */
    @Override
    public boolean requestCancel(long id) {
        int queued = jdbc.update("""
                UPDATE rounds SET cancel_requested = true, status = 'CANCELLED', finished_at = now()
                WHERE id = ? AND status = 'QUEUED'""", id);
        return queued == 1 || jdbc.update("UPDATE rounds SET cancel_requested = true WHERE id = ? AND status = 'RUNNING'",
                id) == 1;
    }

    /** Ends a running round SUCCEEDED; {@code promotionReason} says why its version was or was not promoted. */
    public void succeed(long id, long modelVersionId, boolean promoted, String promotionReason,
            Map<String, Object> metrics) {
        finish(id, RoundStatus.SUCCEEDED, null, modelVersionId, promoted, promotionReason, metrics);
    }

    /** Ends a running round that registered nothing: no metrics, nothing promoted. */
    @Override
    public void end(long id, RunEnding ending, String message) {
        finish(id, RoundStatus.valueOf(ending.name()), message, null, false, null, Map.of());
    }

    private void finish(long id, RoundStatus status, String error, Long modelVersionId, boolean promoted,
            String promotionReason, Map<String, Object> metrics) {
        jdbc.update("""
                UPDATE rounds SET status = ?, error_message = ?, model_version_id = ?, promoted = ?, promotion_reason = ?,
                  metrics = ?::jsonb, phase = CASE WHEN ? = 'SUCCEEDED' THEN 'DONE' ELSE phase END, finished_at = now()
                WHERE id = ? AND status = 'RUNNING'""", status.name(), error, modelVersionId, promoted, promotionReason,
                json.writeValueAsString(metrics), status.name(), id);
    }

    @Override
    public String what() {
        return "round(s)";
    }

    /** Marks INTERRUPTED the runs that match the nodes' condition; returns their jobs' ids. */
    @Override
    public List<UUID> interrupt(String reason, AppNodes.Condition which) {
        return jdbc.queryForList("""
                UPDATE rounds SET status = 'INTERRUPTED', error_message = ?, finished_at = now()
                WHERE (%s) RETURNING job_id""".formatted(which.sql()), UUID.class, which.after(reason));
    }

    /** Freezes the transcripts into the round's snapshot (in this order); returns the snapshot's id. */
    public long snapshot(long roundId, String domain, List<Long> workspaceIds) {
        long id = jdbc.queryForObject("INSERT INTO snapshots (domain, round_id, size) VALUES (?, ?, ?) RETURNING id",
                Long.class, domain, roundId, workspaceIds.size());
        List<Integer> positions = java.util.stream.IntStream.range(0, workspaceIds.size()).boxed().toList();
        jdbc.batchUpdate("INSERT INTO snapshot_transcripts (snapshot_id, workspace_id, position) VALUES (?, ?, ?)",
                positions, 500, (ps, position) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, workspaceIds.get(position));
                    ps.setInt(3, position);
                });
        return id;
    }

    /** The transcripts a snapshot froze, in its order. */
    public List<Long> snapshotTranscripts(long snapshotId) {
        return jdbc.queryForList("SELECT workspace_id FROM snapshot_transcripts WHERE snapshot_id = ? ORDER BY position",
                Long.class, snapshotId);
    }

    /** The transcripts of a domain already in some snapshot. */
    public List<Long> snapshotted(String domain) {
        return jdbc.queryForList("""
                SELECT DISTINCT t.workspace_id FROM snapshot_transcripts t JOIN snapshots s ON s.id = t.snapshot_id
                WHERE s.domain = ?""", Long.class, domain);
    }

    private Round round(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getString("domain"), RoundStatus.valueOf(rs.getString("status")),
                RoundPhase.valueOf(rs.getString("phase")), rs.getInt("step"), rs.getInt("total_steps"),
                (Double) rs.getObject("loss"), (Long) rs.getObject("parent_version_id"),
                (Long) rs.getObject("model_version_id"), rs.getBoolean("promoted"), rs.getString("promotion_reason"),
                json.readValue(rs.getString("metrics"), new TypeReference<Map<String, Object>>() { }),
                (Long) rs.getObject("snapshot_id"), (Integer) rs.getObject("snapshot_size"),
                rs.getString("error_message"), rs.getString("started_by"), rs.getBoolean("cancel_requested"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
