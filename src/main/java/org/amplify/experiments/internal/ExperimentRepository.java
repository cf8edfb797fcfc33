package org.amplify.experiments.internal;

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
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.experiments.Mode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code experiments} and {@code experiment_points} tables. Every change of status is one
 * conditional UPDATE (from the status it expects), so a cancel, the worker and the start-up
 * recovery never overwrite each other.
 */
@Repository
public class ExperimentRepository implements RunStore.Cancellable<ExperimentProgress> {

    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ExperimentRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new experiment, QUEUED. */
    public long insert(ExperimentSettings settings, String startedBy, UUID jobId) {
        return jdbc.queryForObject("""
                INSERT INTO experiments (domain, mode, size, steps, settings, status, started_by, job_id)
                VALUES (?, ?, ?, ?, ?::jsonb, 'QUEUED', ?, ?) RETURNING id""", Long.class,
                settings.domain(), settings.mode().name(), settings.size(), settings.steps(),
                json.writeValueAsString(settings), startedBy, jobId);
    }

    public Optional<Experiment> find(long id) {
        return jdbc.query("SELECT * FROM experiments WHERE id = ?", this::experiment, id).stream().findFirst();
    }

    /** Newest first; all domains when {@code domain} is null. */
    public List<Experiment> list(String domain, int limit) {
        return domain == null
                ? jdbc.query("SELECT * FROM experiments ORDER BY id DESC LIMIT ?", this::experiment, limit)
                : jdbc.query("SELECT * FROM experiments WHERE domain = ? ORDER BY id DESC LIMIT ?", this::experiment,
                        domain, limit);
    }

    /** The newest experiment of the domain and mode that has made at least one point. */
    public Optional<Experiment> latestWithPoints(String domain, Mode mode) {
        return jdbc.query("""
                SELECT * FROM experiments e WHERE domain = ? AND mode = ?
                AND EXISTS (SELECT 1 FROM experiment_points p WHERE p.experiment_id = e.id)
                ORDER BY id DESC LIMIT 1""", this::experiment, domain, mode.name()).stream().findFirst();
    }

    @Override
    public String name() {
        return "Experiment";
    }

    /** QUEUED to RUNNING, unless it was cancelled or interrupted meanwhile. */
    @Override
    public boolean claim(long id, String node) {
        return jdbc.update("""
                UPDATE experiments SET status = 'RUNNING', started_at = now(), owner_node = ?
                WHERE id = ? AND status = 'QUEUED' AND NOT cancel_requested""", node, id) == 1;
    }

    /** Records the steps done; answers whether a cancel was asked for (by any node). */
    @Override
    public boolean progress(long id, ExperimentProgress progress) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                UPDATE experiments SET current_step = GREATEST(current_step, ?) WHERE id = ?
                RETURNING cancel_requested""", Boolean.class, progress.stepsDone(), id));
    }

    public void addPoint(long id, ExperimentPoint point) {
        jdbc.update("""
                INSERT INTO experiment_points (experiment_id, step, accuracy, accuracy_by_kind, loss, calls_to_h,
                    labels, open_levels, wall_millis, asker_accuracy, size)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (experiment_id, step) DO NOTHING""",
                id, point.step(), point.accuracy(), json.writeValueAsString(point.accuracyByKind()),
                Double.isFinite(point.loss()) ? point.loss() : null, point.callsToH(), point.labels(),
                point.openLevels(), point.wallMillis(),
                Double.isFinite(point.askerAccuracy()) ? point.askerAccuracy() : null,
                point.size() > 0 ? point.size() : null);
        jdbc.update("UPDATE experiments SET current_step = GREATEST(current_step, ?) WHERE id = ?", point.step(), id);
    }

    /** The points with a step after {@code afterStep}, in step order. */
    public List<ExperimentPoint> points(long id, int afterStep) {
        return jdbc.query("SELECT * FROM experiment_points WHERE experiment_id = ? AND step > ? ORDER BY step",
                this::point, id, afterStep);
    }

    public Optional<ExperimentPoint> latestPoint(long id) {
        return jdbc.query("SELECT * FROM experiment_points WHERE experiment_id = ? ORDER BY step DESC LIMIT 1",
                this::point, id).stream().findFirst();
    }

    /** Flags an unfinished experiment to stop; false when it had already finished. */
    @Override
    public boolean requestCancel(long id) {
        return jdbc.update("UPDATE experiments SET cancel_requested = TRUE WHERE id = ? AND status IN " + UNFINISHED,
                id) == 1;
    }

    /** A QUEUED experiment is CANCELLED at once: no worker has it. */
    public boolean cancelQueued(long id) {
        return jdbc.update("""
                UPDATE experiments SET status = 'CANCELLED', finished_at = now()
                WHERE id = ? AND status = 'QUEUED'""", id) == 1;
    }

    /** A QUEUED experiment whose job could not be enqueued is FAILED. */
    public void failQueued(long id, String errorMessage) {
        jdbc.update("""
                UPDATE experiments SET status = 'FAILED', error_message = ?, finished_at = now()
                WHERE id = ? AND status = 'QUEUED'""", errorMessage, id);
    }

    /** RUNNING to its final status. */
    public void finish(long id, ExperimentStatus status, String errorMessage, Long modelVersionId) {
        jdbc.update("""
                UPDATE experiments SET status = ?, error_message = ?, model_version_id = ?, finished_at = now()
                WHERE id = ? AND status = 'RUNNING'""", status.name(), errorMessage, modelVersionId, id);
    }

    /** RUNNING to CANCELLED, FAILED or INTERRUPTED, with no model. */
    @Override
    public void end(long id, RunEnding ending, String message) {
        finish(id, ExperimentStatus.valueOf(ending.name()), message, null);
    }

    @Override
    public String what() {
        return "experiment(s)";
    }

    /** Marks INTERRUPTED the runs that match the nodes' condition; returns their jobs' ids. */
    @Override
    public List<UUID> interrupt(String reason, AppNodes.Condition which) {
        return jdbc.queryForList("""
                UPDATE experiments SET status = 'INTERRUPTED', error_message = ?, finished_at = now()
                WHERE (%s) RETURNING job_id""".formatted(which.sql()), UUID.class, which.after(reason));
    }

    private Experiment experiment(ResultSet rs, int row) throws SQLException {
        return new Experiment(rs.getLong("id"), rs.getString("domain"), Mode.valueOf(rs.getString("mode")),
                rs.getInt("size"), rs.getInt("steps"),
                json.readValue(rs.getString("settings"), ExperimentSettings.class),
                ExperimentStatus.valueOf(rs.getString("status")), rs.getString("error_message"),
                rs.getString("started_by"), rs.getBoolean("cancel_requested"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getObject("job_id", UUID.class),
                rs.getObject("model_version_id", Long.class), rs.getInt("current_step"));
    }

    private ExperimentPoint point(ResultSet rs, int row) throws SQLException {
        double loss = rs.getDouble("loss");
        if (rs.wasNull()) {
            loss = Double.NaN;
        }
        double askerAccuracy = rs.getDouble("asker_accuracy");
        if (rs.wasNull()) {
            askerAccuracy = Double.NaN;
        }
        Map<String, Double> byKind = json.readValue(rs.getString("accuracy_by_kind"), new TypeReference<>() {});
        return new ExperimentPoint(rs.getInt("step"), rs.getDouble("accuracy"), byKind, loss, rs.getLong("calls_to_h"),
                rs.getLong("labels"), rs.getInt("open_levels"), rs.getLong("wall_millis"), askerAccuracy,
                rs.getInt("size"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
