package org.amplify.models.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.amplify.models.ChampionChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Model aliases: the current value of each (domain, alias), upserted, and the append-only history of
 * every change. Callers hold the domain's lock (see {@link #lock}) around a read and a change.
 */
@Repository
public class ModelAliasRepository {

    private final JdbcTemplate jdbc;

    ModelAliasRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders changes of one alias until the end of the transaction. */
    public void lock(String domain, String alias) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class,
                "model_aliases:" + domain + ":" + alias);
    }

    /** The id of the model version the alias points at. */
    public Optional<Long> current(String domain, String alias) {
        return jdbc.queryForList("SELECT model_version_id FROM model_aliases WHERE domain = ? AND alias = ?",
                Long.class, domain, alias).stream().findFirst();
    }

    /** Points the alias at a version and appends the change to its history. */
    public void set(String domain, String alias, long versionId, Long previousVersionId, String setBy) {
        jdbc.update("""
                INSERT INTO model_aliases (domain, alias, model_version_id, set_by, set_at)
                VALUES (?, ?, ?, ?, now())
                ON CONFLICT (domain, alias)
                DO UPDATE SET model_version_id = EXCLUDED.model_version_id, set_by = EXCLUDED.set_by,
                              set_at = EXCLUDED.set_at""", domain, alias, versionId, setBy);
        jdbc.update("""
                INSERT INTO model_alias_events (domain, alias, model_version_id, previous_version_id, set_by, set_at)
                VALUES (?, ?, ?, ?, ?, now())""", domain, alias, versionId, previousVersionId, setBy);
    }

    /** Every change of the alias, newest first. */
    public List<ChampionChange> history(String domain, String alias) {
        return jdbc.query("""
                SELECT * FROM model_alias_events WHERE domain = ? AND alias = ? ORDER BY id DESC""",
                ModelAliasRepository::change, domain, alias);
    }

    private static ChampionChange change(ResultSet rs, int rowNumber) throws SQLException {
        long previous = rs.getLong("previous_version_id");
        Long previousId = rs.wasNull() ? null : previous;
        return new ChampionChange(rs.getLong("id"), rs.getString("domain"), rs.getLong("model_version_id"), previousId,
                rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
    }
}
