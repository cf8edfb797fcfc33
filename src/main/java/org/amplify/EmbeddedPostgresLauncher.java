package org.amplify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a persistent data directory, and recovers from what an earlier
 * run may have left behind when it was killed ({@code kill -9}):
 *
 * <ul>
 *   <li>the server itself, still running (zonky starts it with {@code pg_ctl}, so it outlives the
 *       JVM): it is stopped cleanly before a new one starts on the same data;
 *   <li>a stale {@code postmaster.pid} whose process is gone, or whose PID now belongs to some other
 *       program: it is removed, since PostgreSQL would otherwise refuse to start.
 * </ul>
 *
 * A data directory in use by another running Amplify is never touched: the start fails with a
 * message saying so. Every connection needs the password that {@link EmbeddedPostgresPassword}
 * generates at the first start.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    /** The lock file zonky holds while its JVM uses a data directory. */
    static final String ZONKY_LOCK_FILE = "epg-lock";

    static final String POSTMASTER_PID = "postmaster.pid";

    private final Path directory;
    private final EmbeddedDatabaseProperties properties;

    EmbeddedPostgresLauncher(Path directory, EmbeddedDatabaseProperties properties) {
        this.directory = directory.toAbsolutePath().normalize();
        this.properties = properties;
    }

    EmbeddedPostgres start() throws IOException {
        Files.createDirectories(directory);
        ensureNotUsedByAnotherRunningApp();
        recoverFromEarlierRun();
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        if (fresh) {
            setAsideIncompleteCluster();
        }
        EmbeddedPostgresPassword password = new EmbeddedPostgresPassword(directory);
        String secret = password.readOrCreate();
        log.info("Starting the embedded PostgreSQL with its data in {}{}", directory, fresh ? " (new cluster)" : "");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setConnectConfig("password", secret)
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops it when the context closes, after the connection pool: zonky's own
                // shutdown hook would race that and cut the connections of beans still closing
                .setRegisterShutdownHook(false)
                .setPGStartupWait(properties.startupTimeout())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", properties.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", properties.durable() ? "on" : "off");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        if (!password.enforced()) {
            password.enforce(postgres.getPostgresDatabase(), secret);
        }
        log.info("Embedded PostgreSQL is up on localhost:{}", postgres.getPort());
        return postgres;
    }

    /** The password of the {@code postgres} role, as kept beside the cluster. */
    String password() throws IOException {
        return new EmbeddedPostgresPassword(directory).readOrCreate();
    }

    static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\" ENCODING 'UTF8'");
                }
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL", e);
        }
    }

    /**
     * zonky holds a file lock on {@code epg-lock} for as long as its JVM runs. The OS releases it
     * when a process dies, even by {@code kill -9}; a lock we cannot take therefore means another
     * live application uses this data directory.
     */
    private void ensureNotUsedByAnotherRunningApp() throws IOException {
        Path lockFile = directory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The data directory " + directory
                        + " is in use by another running Amplify. Stop it, or set amplify.data-dir "
                        + "(or amplify.database.embedded.directory) to another directory.");
            }
        }
    }

    /**
     * A directory without {@code postgresql.conf} but with other files is a cluster whose
     * {@code initdb} was interrupted. initdb refuses a non-empty directory; rather than delete
     * anything, the remains are moved aside and a new cluster is made.
     */
    private void setAsideIncompleteCluster() throws IOException {
        List<Path> remains;
        try (var files = Files.list(directory)) {
            remains = files.filter(f -> !f.getFileName().toString().equals(ZONKY_LOCK_FILE)).toList();
        }
        Files.deleteIfExists(directory.resolve(ZONKY_LOCK_FILE));
        if (remains.isEmpty()) {
            return;
        }
        Path aside = directory.resolveSibling(directory.getFileName() + ".incomplete-" + System.currentTimeMillis());
        Files.createDirectories(aside);
        for (Path file : remains) {
            Files.move(file, aside.resolve(file.getFileName()));
        }
        log.warn("{} held an incomplete cluster (its initdb was interrupted); moved it to {} and starting a new one",
                directory, aside);
    }

    private void recoverFromEarlierRun() throws IOException {
        Path pidFile = directory.resolve(POSTMASTER_PID);
        Optional<PostmasterPid> recorded = PostmasterPid.read(pidFile);
        if (recorded.isEmpty()) {
            return;
        }
        PostmasterPid pid = recorded.get();
        Optional<ProcessHandle> process = pid.pid() > 0
                ? ProcessHandle.of(pid.pid()).filter(ProcessHandle::isAlive)
                : Optional.empty();
        if (process.isPresent() && isPostgresOf(process.get(), pid)) {
            log.warn("An embedded PostgreSQL left running by an earlier run (pid {}, port {}) still holds {}; "
                    + "stopping it before starting again", pid.pid(), pid.port(), directory);
            stop(process.get());
        }
        if (Files.deleteIfExists(pidFile)) {
            log.info("Removed the stale {} of an earlier run", POSTMASTER_PID);
        }
    }

    private boolean isPostgresOf(ProcessHandle process, PostmasterPid pid) {
        Optional<String> command = process.info().command();
        boolean isPostgres = command.map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(true); // no command visible: assume the worst and treat it as ours
        return isPostgres && Path.of(pid.dataDirectory()).toAbsolutePath().normalize().equals(directory);
    }

    private void stop(ProcessHandle postmaster) {
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with the old JVM, so it ends at once.
        postmaster.destroy();
        if (waitForExit(postmaster, properties.orphanStopTimeout())) {
            return;
        }
        log.warn("The old PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(),
                properties.orphanStopTimeout());
        postmaster.destroyForcibly();
        if (!waitForExit(postmaster, Duration.ofSeconds(10))) {
            throw new IllegalStateException("Could not stop the PostgreSQL left running by an earlier run (pid "
                    + postmaster.pid() + ") on " + directory);
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * The first lines of PostgreSQL's lock file: the postmaster's PID, its data directory, its start
     * time and its port.
     */
    record PostmasterPid(long pid, String dataDirectory, int port) {

        static Optional<PostmasterPid> read(Path file) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() < 4) {
                    return Optional.of(new PostmasterPid(-1, "", 0));
                }
                return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), lines.get(1).trim(),
                        Integer.parseInt(lines.get(3).trim())));
            } catch (NumberFormatException e) {
                return Optional.of(new PostmasterPid(-1, "", 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
