package org.amplify.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.amplify.AmplifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where model files live: in PostgreSQL ({@code model_artifacts}), shared by every node, and under
 * {@code <data-dir>/models} as this node's local copy. A file is written atomically (a temporary
 * name, flushed, renamed) and then its bytes are stored in the database in the registration's own
 * transaction. A read takes the local copy when its SHA-256 matches the recorded one; otherwise (a
 * model trained on another node, a lost or altered file) it reads the database's bytes, checks them
 * the same way and keeps them as the local copy. Bytes that match no checksum are never served.
 *
 * <p>At start-up, files registered before model files were kept in the database are stored there
 * (when their checksum matches), so that the other nodes find them.
 */
@Component
class ArtifactStore implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArtifactStore.class);

    private final JdbcTemplate jdbc;
    private final Path dataDir;

    ArtifactStore(JdbcTemplate jdbc, AmplifyProperties amplify) {
        this.jdbc = jdbc;
        this.dataDir = amplify.dataDir();
    }

    /** Writes a model's file to a stream. */
    @FunctionalInterface
    interface ArtifactWriter {

        void write(OutputStream out) throws IOException;
    }

    /** Writes the local copy of a file; returns its SHA-256, in hexadecimal. */
    String writeLocal(ArtifactWriter writer, Path relative) {
        return writeAtomically(out -> writer.write(out), dataDir.resolve(relative));
    }

    /** Stores the local copy's bytes in the database for the version (in the caller's transaction). */
    void share(long versionId, Path relative) {
        Path file = dataDir.resolve(relative);
        try (InputStream in = Files.newInputStream(file)) {
            long length = Files.size(file);
            jdbc.update(connection -> {
                var insert = connection.prepareStatement(
                        "INSERT INTO model_artifacts (model_version_id, content) VALUES (?, ?)");
                insert.setLong(1, versionId);
                insert.setBinaryStream(2, in, length);
                return insert;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the model file " + file + " in the database", e);
        }
    }

    /** The content of a version's file, after checking it against the recorded SHA-256. */
    byte[] readVerified(ModelVersion version) {
        if (version.artifactPath() == null) {
            throw new ModelArtifactException(version.domain() + " v" + version.version() + " has no file", null);
        }
        Path file = dataDir.resolve(version.artifactPath());
        if (Files.isRegularFile(file)) {
            byte[] local = read(file, version);
            if (sha256(local).equals(version.sha256())) {
                return local;
            }
            log.warn("The local file of {} v{} does not match its checksum; reading the database's copy",
                    version.domain(), version.version());
        }
        List<byte[]> shared = jdbc.query("SELECT content FROM model_artifacts WHERE model_version_id = ?",
                (rs, row) -> rs.getBytes(1), version.id());
        if (shared.isEmpty()) {
            throw new ModelArtifactException("the file of " + version.domain() + " v" + version.version()
                    + (Files.isRegularFile(file) ? " does not match its checksum: it was altered or is incomplete"
                            : " is neither on this node nor in the database"), null);
        }
        byte[] content = shared.get(0);
        if (!sha256(content).equals(version.sha256())) {
            throw new ModelArtifactException("the stored file of " + version.domain() + " v" + version.version()
                    + " does not match its checksum: it was altered or is incomplete", null);
        }
        writeAtomically(out -> out.write(content), file);
        log.info("Fetched {} v{} ({} bytes) from the database as this node's copy", version.domain(),
                version.version(), content.length);
        return content;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Object[]> missing = jdbc.query("""
                SELECT v.id, v.artifact_path, v.sha256 FROM model_versions v
                WHERE v.artifact_path IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM model_artifacts a WHERE a.model_version_id = v.id)""",
                (rs, row) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
        int stored = 0;
        for (Object[] version : missing) {
            Path file = dataDir.resolve((String) version[1]);
            try {
                if (Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(version[2])) {
                    share((Long) version[0], Path.of((String) version[1]));
                    stored++;
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not store {} in the database: {}", file, e.toString());
            }
        }
        if (stored > 0) {
            log.info("Stored {} model file(s) of earlier versions in the database for every node", stored);
        }
    }

    private static byte[] read(Path file, ModelVersion version) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelArtifactException("cannot read the file of " + version.domain() + " v" + version.version()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a file under a temporary name, flushes it to disk and renames it to its target.
     *
     * @return the file's SHA-256, in hexadecimal
     */
    private static String writeAtomically(ArtifactWriter writer, Path target) {
        Path temporary = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            MessageDigest digest = sha256Digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                writer.write(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the partial file is never registered; it is only clutter
            }
            throw new UncheckedIOException("could not write the model file " + target, e);
        }
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Digest().digest(content));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
