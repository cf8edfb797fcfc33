package org.amplify.datasets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amplify.datasets.RegisteredModel;
import org.amplify.datasets.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.amplify.datasets.internal.TranscriptSql.utc;

/**
 * What the exports are about, read-only: the snapshots that distillation rounds froze (with the
 * model each round trained), the model versions of the registry with their lineage, and the users
 * an export may be filtered by. Read through the views their modules publish (migration V20):
 * {@code distillation_*}, {@code models_versions}, {@code experiments_model_versions}, {@code accounts_users}.
 */
@Repository
public class CatalogStore {

    private static final String SNAPSHOT = """
            SELECT s.id, s.domain, s.round_id, s.round_status, s.size, %s AS created_at, s.model_version_id
            FROM distillation_snapshots s""".formatted(utc("s.created_at"));

    private static final String MODEL = """
            SELECT mv.id, mv.domain, mv.version, mv.kind, mv.parent_id, mv.sha256, mv.metrics::text AS metrics,
                   %s AS created_at,
                   mv.champion,
                   (SELECT min(r.id) FROM distillation_rounds r WHERE r.model_version_id = mv.id) AS round_id,
                   (SELECT min(s.id) FROM distillation_snapshots s WHERE s.model_version_id = mv.id) AS snapshot_id,
                   (SELECT min(e.experiment_id) FROM experiments_model_versions e
                    WHERE e.model_version_id = mv.id) AS experiment_id
            FROM models_versions mv""".formatted(utc("mv.created_at"));

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CatalogStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Oldest first; every domain when {@code domain} is null. */
    public List<Snapshot> snapshots(String domain) {
        return domain == null ? jdbc.query(SNAPSHOT + " ORDER BY s.id", CatalogStore::snapshot)
                : jdbc.query(SNAPSHOT + " WHERE s.domain = ? ORDER BY s.id", CatalogStore::snapshot, domain);
    }

    public Optional<Snapshot> snapshot(long id) {
        return jdbc.query(SNAPSHOT + " WHERE s.id = ?", CatalogStore::snapshot, id).stream().findFirst();
    }

    /**
     * Every version of the domain (of every domain when null), by domain then version, with its
     * ancestors and children.
     */
    public List<RegisteredModel> models(String domain) {
        List<ModelRow> rows = domain == null ? jdbc.query(MODEL + " ORDER BY mv.domain, mv.version", this::model)
                : jdbc.query(MODEL + " WHERE mv.domain = ? ORDER BY mv.version", this::model, domain);
        Map<Long, ModelRow> byId = new LinkedHashMap<>();
        Map<Long, List<Long>> children = new LinkedHashMap<>();
        for (ModelRow row : rows) {
            byId.put(row.id(), row);
            if (row.parentId() != null) {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row.id());
            }
        }
        List<RegisteredModel> models = new ArrayList<>();
        for (ModelRow row : rows) {
            List<Long> ancestors = new ArrayList<>();
            for (Long parent = row.parentId(); parent != null && !ancestors.contains(parent);
                    parent = byId.containsKey(parent) ? byId.get(parent).parentId() : null) {
                ancestors.add(parent);
            }
            models.add(new RegisteredModel(row.id(), row.domain(), row.version(), row.kind(), row.parentId(),
                    row.champion(), row.sha256(), row.metrics(), List.copyOf(ancestors),
                    List.copyOf(children.getOrDefault(row.id(), List.of())), row.roundId(), row.snapshotId(),
                    row.experimentId(), row.createdAt()));
        }
        return models;
    }

    public Optional<String> domainOfModel(long id) {
        return jdbc.query("SELECT domain FROM models_versions WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .findFirst();
    }

    /** A user's id by name, regardless of case. */
    public Optional<Long> userId(String username) {
        return jdbc.query("SELECT id FROM accounts_users WHERE lower(username) = lower(?)", (rs, n) -> rs.getLong(1), username)
                .stream().findFirst();
    }

    private static Snapshot snapshot(ResultSet rs, int row) throws SQLException {
        return new Snapshot(rs.getLong("id"), rs.getString("domain"), rs.getLong("round_id"),
                rs.getString("round_status"), rs.getInt("size"), rs.getString("created_at"),
                (Long) rs.getObject("model_version_id"));
    }

    private ModelRow model(ResultSet rs, int row) throws SQLException {
        Map<String, Object> metrics = json.readValue(rs.getString("metrics"), new TypeReference<>() {});
        return new ModelRow(rs.getLong("id"), rs.getString("domain"), rs.getInt("version"), rs.getString("kind"),
                (Long) rs.getObject("parent_id"), rs.getBoolean("champion"), rs.getString("sha256"), metrics,
                (Long) rs.getObject("round_id"), (Long) rs.getObject("snapshot_id"),
                (Long) rs.getObject("experiment_id"), rs.getString("created_at"));
    }

    private record ModelRow(long id, String domain, int version, String kind, Long parentId, boolean champion,
            String sha256, Map<String, Object> metrics, Long roundId, Long snapshotId, Long experimentId,
            String createdAt) {}
}
