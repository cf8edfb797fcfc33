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
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.experiments.SearchFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code adversarial_searches} table. Every change of status is one conditional UPDATE from the
 * status it expects, as for experiments.
 */
@Repository
public class AdversarialSearchRepository implements RunStore<SearchProgress> {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AdversarialSearchRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new search, QUEUED. */
    public long insert(long modelVersionId, String domain, AdversarialRound.Settings settings, String startedBy,
            UUID jobId) {
        return jdbc.queryForObject("""
                INSERT INTO adversarial_searches (model_version_id, domain, size, max_level, queries, mutation_share,
                    training_steps, seed, status, started_by, job_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?) RETURNING id""", Long.class, modelVersionId, domain,
                settings.size(), settings.maxLevel(), settings.queries(), settings.mutationShare(),
                settings.trainingSteps(), settings.seed(), startedBy, jobId);
    }

    public Optional<AdversarialSearchRun> find(long id) {
        return jdbc.query("SELECT * FROM adversarial_searches WHERE id = ?", this::run, id).stream().findFirst();
    }

    /** Newest first. */
    public List<AdversarialSearchRun> list(int limit) {
        return jdbc.query("SELECT * FROM adversarial_searches ORDER BY id DESC LIMIT ?", this::run, limit);
    }

    /** The cases the search before found, as stored (at most a few dozen). */
    public List<Map<String, Object>> foundCases(long id) {
        String cases = jdbc.queryForObject("SELECT found_cases FROM adversarial_searches WHERE id = ?", String.class,
                id);
        return json.readValue(cases, new TypeReference<>() {});
    }

    @Override
    public String name() {
        return "Adversarial search";
    }

    /** QUEUED to RUNNING. */
    @Override
    public boolean claim(long id, String node) {
        return jdbc.update("""
                UPDATE adversarial_searches SET status = 'RUNNING', started_at = now(), owner_node = ?
                WHERE id = ? AND status = 'QUEUED'""", node, id) == 1;
    }

    /** Records the phase and progress; answers false, as a search cannot be cancelled. */
    @Override
    public boolean progress(long id, SearchProgress progress) {
        jdbc.update("UPDATE adversarial_searches SET phase = ?, progress = ? WHERE id = ? AND status = 'RUNNING'",
                progress.phase().name(), progress.share(), id);
        return false;
    }

    /** RUNNING to SUCCEEDED, with the figures, the found cases and the trained X (null when none was trained). */
    public void succeed(long id, SearchFigures before, SearchFigures after, SearchFigures control,
            List<FoundCase> foundCases, Long trainedModelVersionId) {
        jdbc.update("""
                UPDATE adversarial_searches SET status = 'SUCCEEDED', phase = 'DONE', progress = 1,
                    before_figures = ?::jsonb, after_figures = ?::jsonb, control_figures = ?::jsonb,
                    found_cases = ?::jsonb, trained_model_version_id = ?, finished_at = now()
                WHERE id = ? AND status = 'RUNNING'""", json.writeValueAsString(before), json.writeValueAsString(after),
                json.writeValueAsString(control), json.writeValueAsString(foundCases), trainedModelVersionId, id);
    }

    /** QUEUED or RUNNING to FAILED or INTERRUPTED, with the reason. */
    public void fail(long id, ExperimentStatus status, String errorMessage) {
        jdbc.update("""
                UPDATE adversarial_searches SET status = ?, error_message = ?, finished_at = now()
                WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""", status.name(), errorMessage, id);
    }

    /** RUNNING to FAILED or INTERRUPTED (a search is never cancelled), with the reason. */
    @Override
    public void end(long id, RunEnding ending, String message) {
        fail(id, ExperimentStatus.valueOf(ending.name()), message);
    }

    @Override
    public String what() {
        return "adversarial search(es)";
    }

    /** Marks INTERRUPTED the runs that match the nodes' condition; returns their jobs' ids. */
    @Override
    public List<UUID> interrupt(String reason, AppNodes.Condition which) {
        return jdbc.queryForList("""
                UPDATE adversarial_searches SET status = 'INTERRUPTED', error_message = ?, finished_at = now()
                WHERE (%s) RETURNING job_id""".formatted(which.sql()), UUID.class, which.after(reason));
    }

    private AdversarialSearchRun run(ResultSet rs, int row) throws SQLException {
        return new AdversarialSearchRun(rs.getLong("id"), rs.getLong("model_version_id"), rs.getString("domain"),
                rs.getInt("size"), rs.getInt("max_level"), rs.getInt("queries"), rs.getDouble("mutation_share"),
                rs.getInt("training_steps"), rs.getLong("seed"), ExperimentStatus.valueOf(rs.getString("status")),
                rs.getString("phase"), rs.getDouble("progress"), rs.getString("error_message"),
                rs.getString("started_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getObject("job_id", UUID.class), figures(rs, "before_figures"),
                figures(rs, "after_figures"), figures(rs, "control_figures"),
                rs.getObject("trained_model_version_id", Long.class));
    }

    private SearchFigures figures(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : json.readValue(value, SearchFigures.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
