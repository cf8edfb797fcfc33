package org.amplify.amplification.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code suggestions} table: each suggestion a workspace was shown by a text model version (once),
 * and whether an expert took it.
 */
@Repository
public class SuggestionStore {

    private final JdbcTemplate jdbc;

    SuggestionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the workspace was shown the suggestion by the model version; showing it again
     * changes nothing.
     *
     * @return the suggestion's id
     */
    public long shown(long workspaceId, long modelVersionId, String text, String normalizedText, long sourceWorkspaceId,
            String sourceQuestion, double similarity) {
        return jdbc.queryForObject("""
                INSERT INTO suggestions (workspace_id, model_version_id, text, normalized_text, source_workspace_id,
                  source_question, similarity)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, model_version_id, normalized_text)
                  DO UPDATE SET workspace_id = EXCLUDED.workspace_id
                RETURNING id""", Long.class, workspaceId, modelVersionId, text, normalizedText, sourceWorkspaceId,
                sourceQuestion, similarity);
    }

    /** The suggestion, locked until the transaction ends: it is taken once. */
    public Optional<SuggestionRow> lock(long id) {
        return jdbc.query("SELECT * FROM suggestions WHERE id = ? FOR UPDATE", (rs, n) -> new SuggestionRow(
                rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("model_version_id"), rs.getString("text"),
                (Long) rs.getObject("subquestion_id")), id).stream().findFirst();
    }

    public void taken(long id, long subquestionId, long expertId) {
        jdbc.update("UPDATE suggestions SET taken_at = now(), taken_by = ?, subquestion_id = ? WHERE id = ?"
                + " AND taken_at IS NULL", expertId, subquestionId, id);
    }

    /** Per model version: suggestions shown and taken, newest version first. */
    public List<Counts> counts() {
        return jdbc.query("""
                SELECT model_version_id, count(*) AS shown, count(taken_at) AS taken FROM suggestions
                GROUP BY model_version_id ORDER BY model_version_id DESC""", (rs, n) -> new Counts(
                rs.getLong("model_version_id"), rs.getLong("shown"), rs.getLong("taken")));
    }

    /** @param subquestionId the subquestion it became once taken, else null */
    public record SuggestionRow(long id, long workspaceId, long modelVersionId, String text, Long subquestionId) {

        public boolean taken() {
            return subquestionId != null;
        }
    }

    public record Counts(long modelVersionId, long shown, long taken) {}
}
