package org.amplify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's superuser password. zonky's {@code initdb} makes a cluster that trusts
 * every local connection; Amplify closes that at the first start: it generates a password, keeps it
 * beside the cluster ({@code <cluster>.password}, mode 600), sets it on the {@code postgres} role and
 * rewrites {@code pg_hba.conf} to require it (SCRAM) for every connection. A cluster made before
 * this (trust, no password file) is closed the same way at its next start.
 *
 * <p>The file is written before the role gets the password, so a start killed half-way never locks
 * the app out: a cluster still trusting connections accepts the password too, and the next start
 * finishes the job.
 */
final class EmbeddedPostgresPassword {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresPassword.class);

    static final String HBA_FILE = "pg_hba.conf";
    static final List<String> HBA = List.of(
            "# Written by Amplify: every connection needs the password kept in the cluster's .password file",
            "local   all   all                 scram-sha-256",
            "host    all   all   127.0.0.1/32  scram-sha-256",
            "host    all   all   ::1/128       scram-sha-256");

    private final Path cluster;
    private final Path file;

    EmbeddedPostgresPassword(Path cluster) {
        this.cluster = cluster;
        this.file = cluster.resolveSibling(cluster.getFileName() + ".password");
    }

    Path file() {
        return file;
    }

    /** The password, generated and written (mode 600) if there is none yet. */
    String readOrCreate() throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).trim();
            if (!kept.isEmpty()) {
                return kept;
            }
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("Generated the embedded PostgreSQL's password; it is kept in {}", file);
        return password;
    }

    /** Whether the cluster already refuses connections without the password. */
    boolean enforced() throws IOException {
        Path hba = cluster.resolve(HBA_FILE);
        return Files.isRegularFile(hba) && Files.readAllLines(hba).equals(HBA);
    }

    /** Sets the password on the superuser and makes the running server require it from now on. */
    void enforce(DataSource superuser, String password) throws IOException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            Files.write(cluster.resolve(HBA_FILE), HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
        }
        log.info("The embedded PostgreSQL now requires its password for every connection");
    }
}
