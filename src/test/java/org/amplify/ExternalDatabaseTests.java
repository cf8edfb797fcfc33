package org.amplify;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, Amplify migrates and uses that server and starts no
 * embedded PostgreSQL of its own. "That server" is a second PostgreSQL started by this test.
 */
// the other server is stopped before the context closes: no job server polling it, and no long wait
// for a connection that cannot come
@SpringBootTest(properties = {"amplify.data-dir=target/test-data/external-database-test",
    "jobrunr.background-job-server.enabled=false", "spring.datasource.hikari.connection-timeout=2000"})
@DirtiesContext
class ExternalDatabaseTests {

    private static final EmbeddedPostgres otherServer = startOtherServer();

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void pointAtTheOtherServer(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> otherServer.getJdbcUrl("postgres", "elsewhere"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopOtherServer() throws IOException {
        otherServer.close();
    }

    @Test
    void usesTheConfiguredServerAndStartsNoEmbeddedOne() throws Exception {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        assertThat(dataSource.unwrap(HikariDataSource.class).getJdbcUrl())
                .isEqualTo(otherServer.getJdbcUrl("postgres", "elsewhere"));
        assertThat(Files.exists(Path.of("target/test-data/external-database-test/postgres"))).isFalse();
    }

    @Test
    void theOtherServerWasMigratedAndHoldsTheData() {
        JdbcTemplate direct = new JdbcTemplate(otherServer.getDatabase("postgres", "elsewhere"));
        assertThat(direct.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(direct.queryForObject("SELECT count(*) FROM users WHERE username = 'admin'", Integer.class))
                .isEqualTo(1);
    }

    private static EmbeddedPostgres startOtherServer() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE elsewhere");
            }
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the second PostgreSQL", e);
        }
    }
}
