package org.amplify.models;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names model versions from their ids, for pages and API answers of any module ({@code @modelNames} in
 * templates). A version's domain and number never change once registered, so they are kept once read;
 * an id not known yet reads every version's name in one query, so a page of many rows makes no query
 * per row.
 */
@Component("modelNames")
public class ModelNames {

    private final JdbcTemplate jdbc;
    private final Map<Long, ModelVersionName> names = new ConcurrentHashMap<>();

    ModelNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The version's name, or null for a null or unknown id. */
    public ModelVersionName find(Long id) {
        if (id == null) {
            return null;
        }
        ModelVersionName name = names.get(id);
        if (name == null) {
            jdbc.query("SELECT id, domain, version FROM model_versions", rs -> {
                names.putIfAbsent(rs.getLong("id"), new ModelVersionName(rs.getLong("id"), rs.getString("domain"),
                        rs.getInt("version")));
            });
            name = names.get(id);
        }
        return name;
    }

    /** {@code <domain> v<version>}; {@code #<id>} for an unknown id, null for none. */
    public String label(Long id) {
        ModelVersionName name = find(id);
        return name != null ? name.label() : id == null ? null : "#" + id;
    }

    /** The version's row on the Models page; the Models page for an unknown id. */
    public String href(Long id) {
        ModelVersionName name = find(id);
        return name != null ? name.href() : "/models";
    }
}
