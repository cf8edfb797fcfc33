package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.internal.ModelAliasRepository;
import org.amplify.models.internal.TorchScriptModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry: saves a model's file atomically under {@code <data-dir>/models/<domain>/<version>/}
 * (a temporary name, flushed to disk, then renamed), records its SHA-256, and only then inserts its
 * row, with the file's bytes in PostgreSQL beside it for the other nodes ({@link ArtifactStore}). A
 * load checks the checksum, so an altered or partial file is never served.
 *
 * <p>Each domain has at most one <em>champion</em>: the version that copies serve. An admin promotes a
 * version to champion, or rolls back by promoting an older one; every change is kept in the champion
 * history and published as {@link ChampionChanged}.
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    static final String ARTIFACT = "model.bin";
    /** The file name of an imported TorchScript model. */
    static final String IMPORTED_ARTIFACT = "model.pt";
    /** The alias of the version that copies serve. */
    public static final String CHAMPION = "champion";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ArtifactStore artifacts;
    private final ModelAliasRepository aliases;
    private final ApplicationEventPublisher events;

    ModelRegistry(JdbcTemplate jdbc, JsonMapper json, ArtifactStore artifacts, ModelAliasRepository aliases,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.artifacts = artifacts;
        this.aliases = aliases;
        this.events = events;
    }

    /**
     * Saves and registers a model as the next version of its domain.
     *
     * @param parentId the version it was trained from, or null
     */
    @Transactional
    public ModelVersion register(AnswerModel model, ModelKind kind, Long parentId, Map<String, Object> metrics) {
        return register(model.domain(), model::save, ARTIFACT, kind, parentId, metrics, null);
    }

    /**
     * Saves and registers a model of the {@code text} domain as its next version.
     *
     * @param parentId the version it was trained from, or null
     */
    @Transactional
    public ModelVersion register(TextModel model, ModelKind kind, Long parentId, Map<String, Object> metrics) {
        return register(model.domain(), model::save, ARTIFACT, kind, parentId, metrics, null);
    }

    /**
     * Saves an imported TorchScript file, byte for byte, and registers it as the next version of its
     * domain, of kind {@link ModelKind#IMPORT}. {@link ModelImport} checks it first.
     */
    @Transactional
    ModelVersion registerImport(String domain, byte[] content, Long parentId, Map<String, Object> metrics,
            String note) {
        return register(domain, out -> out.write(content), IMPORTED_ARTIFACT, ModelKind.IMPORT, parentId, metrics,
                note);
    }

    private ModelVersion register(String domain, ArtifactStore.ArtifactWriter writer, String artifact, ModelKind kind,
            Long parentId, Map<String, Object> metrics, String note) {
        int version = nextVersion(domain);
        Path relative = Path.of("models", domain, Integer.toString(version), artifact);
        String sha256 = artifacts.writeLocal(writer, relative);
        Long id = jdbc.queryForObject("""
                INSERT INTO model_versions (domain, version, parent_id, kind, artifact_path, sha256, metrics, note)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id""", Long.class,
                domain, version, parentId, kind.name(), relative.toString(), sha256, json.writeValueAsString(metrics),
                note);
        artifacts.share(id, relative);
        return find(id).orElseThrow();
    }

    /**
     * Registers a language model behind a chat endpoint as the next version of {@code text}, of kind
     * {@link ModelKind#ENDPOINT}: no file; the caller ({@link OpenAiChatEndpoints}) stores its settings
     * in the same transaction.
     */
    ModelVersion registerEndpoint(Long parentId, Map<String, Object> metrics, String note) {
        int version = nextVersion(TextModel.DOMAIN);
        Long id = jdbc.queryForObject("""
                INSERT INTO model_versions (domain, version, parent_id, kind, metrics, note)
                VALUES (?, ?, ?, 'ENDPOINT', ?::jsonb, ?) RETURNING id""", Long.class,
                TextModel.DOMAIN, version, parentId, json.writeValueAsString(metrics), note);
        return find(id).orElseThrow();
    }

    private int nextVersion(String domain) {
        // one registration per domain at a time: the lock orders concurrent registrations
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, "model_versions:" + domain);
        Integer last = jdbc.queryForObject("SELECT max(version) FROM model_versions WHERE domain = ?", Integer.class,
                domain);
        return last == null ? 1 : last + 1;
    }

    public Optional<ModelVersion> find(long id) {
        return jdbc.query("SELECT * FROM model_versions WHERE id = ?", this::row, id).stream().findFirst();
    }

    /** The versions of a domain, newest first. */
    public List<ModelVersion> versions(String domain) {
        return jdbc.query("SELECT * FROM model_versions WHERE domain = ? ORDER BY version DESC", this::row, domain);
    }

    /** The domains that have at least one registered version, by name. */
    public List<String> domains() {
        return jdbc.queryForList("SELECT DISTINCT domain FROM model_versions ORDER BY domain", String.class);
    }

    /**
     * Makes a version the champion of its domain: the version copies serve. Promoting a version older
     * than the current champion is how a roll back is done. The change is appended to the champion
     * history and {@link ChampionChanged} is published in the same transaction. Promoting the current
     * champion again changes nothing and publishes nothing.
     *
     * @param by the user name of the admin
     * @return the version, now the champion
     * @throws ModelVersionNotFoundException if no version has this id
     * @throws ModelArtifactException if the version's file is missing or altered: it could not be served
     */
    @Transactional
    public ModelVersion promote(long versionId, String by) {
        ModelVersion version = find(versionId).orElseThrow(() -> new ModelVersionNotFoundException(versionId));
        if (version.kind() != ModelKind.ENDPOINT) {
            readVerified(version); // an endpoint has no file: its test request checked it at registration
        }
        aliases.lock(version.domain(), CHAMPION);
        Long previous = aliases.current(version.domain(), CHAMPION).orElse(null);
        if (previous != null && previous == versionId) {
            return version;
        }
        aliases.set(version.domain(), CHAMPION, versionId, previous, by);
        events.publishEvent(new ChampionChanged(version.domain(), versionId, previous));
        log.info("Model {} v{} (id {}) is the champion now, promoted by {} (before: {})", version.domain(),
                version.version(), versionId, by, previous == null ? "none" : "id " + previous);
        return version;
    }

    /** The version that copies of the domain serve, if one was promoted. */
    public Optional<ModelVersion> champion(String domain) {
        return aliases.current(domain, CHAMPION).flatMap(this::find);
    }

    /** Every change of the domain's champion, newest first. */
    public List<ChampionChange> championHistory(String domain) {
        return aliases.history(domain, CHAMPION);
    }

    /**
     * Loads a registered model after checking its file against the recorded SHA-256.
     *
     * @throws ModelArtifactException if the file is missing, altered or not a model of the domain
     */
    public AnswerModel load(ModelVersion version, AlgorithmicDomain domain) {
        refuseEndpoint(version);
        refuseImported(version);
        byte[] content = readVerified(version);
        try {
            return AnswerModel.load(domain, new java.io.ByteArrayInputStream(content));
        } catch (IOException | MalformedModelException e) {
            throw new ModelArtifactException("cannot read the file of " + version.domain() + " v" + version.version()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a registered model of the {@code text} domain after checking its file against the recorded
     * SHA-256.
     *
     * @throws IllegalArgumentException if the version is not of the {@code text} domain
     * @throws ModelArtifactException if the file is missing, altered or not a text model
     */
    public TextModel loadText(ModelVersion version) {
        if (!TextModel.DOMAIN.equals(version.domain())) {
            throw new IllegalArgumentException(version.domain() + " v" + version.version() + " is not a model of the "
                    + TextModel.DOMAIN + " domain");
        }
        refuseEndpoint(version);
        refuseImported(version);
        byte[] content = readVerified(version);
        try {
            return TextModel.load(new java.io.ByteArrayInputStream(content));
        } catch (IOException | MalformedModelException e) {
            throw new ModelArtifactException("cannot read the file of " + version.domain() + " v" + version.version()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a registered model of an algorithmic domain for its copies to answer with: a model trained
     * here, or an imported TorchScript module.
     *
     * @throws ModelArtifactException if the file is missing, altered or not a model of the domain
     */
    public ServedAnswerModel serve(ModelVersion version, AlgorithmicDomain domain) {
        if (version.kind() != ModelKind.IMPORT) {
            return load(version, domain);
        }
        try {
            return ImportedAnswerModel.load(domain, readVerified(version));
        } catch (TorchScriptModule.Refusal e) {
            throw new ModelArtifactException("cannot load " + version.domain() + " v" + version.version() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Loads a registered model of the {@code text} domain for its copies to answer with: a model trained
     * here, or an imported TorchScript encoder, whose members remember what its parent's members
     * remember.
     *
     * @throws ModelArtifactException if the file (or its parent's) is missing, altered or not a text model
     */
    public ServedTextModel serveText(ModelVersion version) {
        if (version.kind() != ModelKind.IMPORT) {
            return loadText(version);
        }
        ModelVersion parent = version.parentId() == null ? null : find(version.parentId()).orElse(null);
        if (parent == null || !TextModel.DOMAIN.equals(version.domain())) {
            throw new ModelArtifactException(version.domain() + " v" + version.version()
                    + " is an imported encoder without a text model to take remembered questions from", null);
        }
        List<Map<String, String>> memories = new java.util.ArrayList<>();
        try (ServedTextModel from = serveText(parent)) {
            for (int m = 0; m < from.members(); m++) {
                memories.add(from.memory(m));
            }
        }
        try {
            return ImportedTextModel.load(readVerified(version), memories);
        } catch (TorchScriptModule.Refusal e) {
            throw new ModelArtifactException("cannot load " + version.domain() + " v" + version.version() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void refuseEndpoint(ModelVersion version) {
        if (version.kind() == ModelKind.ENDPOINT) {
            throw new ModelArtifactException(version.domain() + " v" + version.version() + " is a language model "
                    + "behind a chat endpoint: it has no file to load; its copies are asked through ChatEndpoints", null);
        }
    }

    private static void refuseImported(ModelVersion version) {
        if (version.kind() == ModelKind.IMPORT) {
            throw new ModelArtifactException(version.domain() + " v" + version.version() + " is an imported "
                    + "TorchScript model: copies serve it (serve), but it has no parameters to train from", null);
        }
    }

    /** The content of a version's file, after checking it against the recorded SHA-256. */
    private byte[] readVerified(ModelVersion version) {
        return artifacts.readVerified(version);
    }

    private ModelVersion row(ResultSet rs, int rowNumber) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        Map<String, Object> metrics = json.readValue(rs.getString("metrics"), new TypeReference<>() {});
        return new ModelVersion(rs.getLong("id"), rs.getString("domain"), rs.getInt("version"), parentId,
                ModelKind.valueOf(rs.getString("kind")), rs.getString("artifact_path"), rs.getString("sha256"),
                metrics, rs.getTimestamp("created_at").toInstant(), rs.getString("note"));
    }

    /** The alias of the small model a cascade asks before the champion (an endpoint): see {@link #student}. */
    public static final String STUDENT = "student";

    /**
     * The domain's <em>student</em>: the small model distilled from the transcripts while the champion
     * is a language model behind an endpoint ({@link ModelKind#ENDPOINT}). The cascade asks its copies
     * first and calls the endpoint only where they are not trusted. Empty until a round made one.
     */
    public Optional<ModelVersion> student(String domain) {
        return aliases.current(domain, STUDENT).flatMap(this::find);
    }

    /**
     * Makes a version the student of its domain (a round that trained it, or an admin rolling back),
     * appending the change to the student's history; the champion is unchanged. Promoting the current
     * student again changes nothing.
     *
     * @param by the user name of the admin
     * @return the version, now the student
     * @throws ModelVersionNotFoundException if no version has this id
     * @throws IllegalArgumentException if the version is an endpoint (a student is a model the copies run here)
     * @throws ModelArtifactException if the version's file is missing or altered: it could not be served
     */
    @Transactional
    public ModelVersion promoteStudent(long versionId, String by) {
        ModelVersion version = find(versionId).orElseThrow(() -> new ModelVersionNotFoundException(versionId));
        if (version.kind() == ModelKind.ENDPOINT) {
            throw new IllegalArgumentException(version.domain() + " v" + version.version()
                    + " is an endpoint: a student is a model trained here or imported");
        }
        readVerified(version);
        aliases.lock(version.domain(), STUDENT);
        Long previous = aliases.current(version.domain(), STUDENT).orElse(null);
        if (previous != null && previous == versionId) {
            return version;
        }
        aliases.set(version.domain(), STUDENT, versionId, previous, by);
        log.info("Model {} v{} (id {}) is the student now, made so by {} (before: {})", version.domain(),
                version.version(), versionId, by, previous == null ? "none" : "id " + previous);
        return version;
    }

    /** Every change of the domain's student, newest first. */
    public List<ChampionChange> studentHistory(String domain) {
        return aliases.history(domain, STUDENT);
    }
}
