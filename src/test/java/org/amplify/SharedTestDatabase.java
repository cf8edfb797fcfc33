package org.amplify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tests' PostgreSQL: one embedded server for the whole test JVM (started once, stopped when the
 * JVM ends) and one database per Spring context, copied from a template database migrated once by
 * Flyway ({@code CREATE DATABASE … TEMPLATE}, a file copy). Each context is as isolated as with a
 * server of its own, without a server start and 19 migrations per context.
 *
 * <p>Only under the {@code test} profile and when nothing else chose a database: a test that points
 * {@code spring.datasource.url} elsewhere wins (this source has the lowest precedence), and a test
 * that needs the app's own embedded server (stopping it, say) sets
 * {@code amplify.test.shared-database=false}.
 */
public class SharedTestDatabase implements EnvironmentPostProcessor {

    private static final String TEMPLATE = "amplify_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean testProfile = Arrays.asList(environment.getActiveProfiles()).contains("test");
        if (!testProfile || !environment.getProperty("amplify.test.shared-database", Boolean.class, true)
                || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String database = createDatabase();
        environment.getPropertySources().addLast(new MapPropertySource("sharedTestDatabase", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", database),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.datasource.hikari.maximum-pool-size", "8")));
    }

    private static synchronized String createDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false) // zonky's own JVM hook would stop it beside Boot's: see below
                        .setServerConfig("max_connections", "400")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                // stopped after Boot's shutdown hook has closed every context (a JVM hook, ours or zonky's, ran beside
                // it: the server went first, and each context's close then waited on its pool for seconds)
                SpringApplication.getShutdownHandlers().add(SharedTestDatabase::stop);
                execute("CREATE DATABASE " + TEMPLATE);
                Flyway.configure().dataSource(server.getJdbcUrl("postgres", TEMPLATE), "postgres", "")
                        .locations("classpath:db/migration").load().migrate();
            }
            String database = "amplify_" + DATABASES.incrementAndGet();
            execute("CREATE DATABASE " + database + " TEMPLATE " + TEMPLATE);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The tests' embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The tests' database could not be made", e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // the JVM ends: nothing is left to tell
        }
    }
}
