package org.amplify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL keeps its data across restarts and starts again after what a killed run
 * leaves behind. (A server left running by a {@code kill -9} is covered end to end by
 * {@code AppRestartIT}, which kills a real application process.)
 */
class EmbeddedPostgresLauncherTests {

    @TempDir
    Path dataDir;

    private final EmbeddedDatabaseProperties properties =
            new EmbeddedDatabaseProperties(null, 0, "amplify", false, Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void dataSurvivesARestart() throws IOException {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            EmbeddedPostgresLauncher.createDatabaseIfMissing(postgres, "amplify");
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "amplify"));
            jdbc.execute("CREATE TABLE kept (value TEXT)");
            jdbc.update("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            EmbeddedPostgresLauncher.createDatabaseIfMissing(postgres, "amplify");
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "amplify"));
            assertThat(jdbc.queryForObject("SELECT value FROM kept", String.class)).isEqualTo("still here");
        }
    }

    @Test
    void connectionsWithoutThePasswordAreRefused() throws IOException {
        Path directory = dataDir.resolve("postgres");
        String password;
        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            Path file = dataDir.resolve("postgres.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertRefused(postgres.getPort(), null);
            assertRefused(postgres.getPort(), "not-the-password");
            assertThat(connects(postgres.getPort(), password)).isTrue();
        }
        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            assertThat(Files.readString(dataDir.resolve("postgres.password")).trim())
                    .as("the password is made once").isEqualTo(password);
            assertRefused(postgres.getPort(), null);
            assertThat(connects(postgres.getPort(), password)).isTrue();
        }
    }

    @Test
    void aClusterThatTrustedEveryoneIsClosedAtItsNextStart() throws IOException {
        Path directory = dataDir.resolve("postgres");
        new EmbeddedPostgresLauncher(directory, properties).start().close();
        // as a cluster made before passwords: zonky's trust-everyone pg_hba.conf and no password file
        Files.write(directory.resolve("pg_hba.conf"), List.of("host all all 127.0.0.1/32 trust",
                "host all all ::1/128 trust", "local all all trust"));
        Files.delete(dataDir.resolve("postgres.password"));

        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            String password = Files.readString(dataDir.resolve("postgres.password")).trim();
            assertRefused(postgres.getPort(), null);
            assertThat(connects(postgres.getPort(), password)).isTrue();
        }
    }

    private static boolean connects(int port, String password) {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                credentials)) {
            return connection.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }

    private static void assertRefused(int port, String password) {
        assertThat(connects(port, password)).as("a connection with password %s", password).isFalse();
    }

    @Test
    void aStalePostmasterPidOfADeadProcessIsRemoved() throws IOException {
        Path directory = dataDir.resolve("postgres");
        new EmbeddedPostgresLauncher(directory, properties).start().close();
        long deadPid = deadProcessId();
        Files.write(directory.resolve("postmaster.pid"),
                List.of(Long.toString(deadPid), directory.toString(), "1700000000", "54321", "/tmp", "localhost"));

        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void aPostmasterPidNamingAnUnrelatedLiveProcessIsNotMistakenForAServer() throws IOException {
        Path directory = dataDir.resolve("postgres");
        new EmbeddedPostgresLauncher(directory, properties).start().close();
        long unrelated = ProcessHandle.current().pid(); // alive, but this JVM, not a PostgreSQL
        Files.write(directory.resolve("postmaster.pid"),
                List.of(Long.toString(unrelated), directory.toString(), "1700000000", "54321", "/tmp", "localhost"));

        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void anInterruptedInitdbIsMovedAsideNotDeleted() throws IOException {
        Path directory = dataDir.resolve("postgres");
        Files.createDirectories(directory.resolve("base"));
        Files.writeString(directory.resolve("PG_VERSION"), "17\n");

        try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(directory, properties).start()) {
            assertThat(postgres.getPort()).isPositive();
        }
        try (var siblings = Files.list(dataDir)) {
            List<Path> aside = siblings.filter(p -> p.getFileName().toString().startsWith("postgres.incomplete-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(aside.get(0).resolve("PG_VERSION")).hasContent("17");
        }
    }

    private static long deadProcessId() throws IOException {
        Process process = new ProcessBuilder("true").start();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.pid();
    }
}
