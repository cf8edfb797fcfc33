package org.amplify;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Amplify runs on a real PostgreSQL of its own: an embedded
 * server (zonky, PostgreSQL 17 binaries from Maven) whose data lives under {@code ./data/postgres}
 * and survives restarts; every connection to it needs the password generated at its first start. With a URL configured this configuration is skipped entirely and Spring
 * Boot's own DataSource auto-configuration connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(AmplifyProperties amplify, EmbeddedDatabaseProperties properties)
            throws IOException {
        return new EmbeddedPostgresLauncher(properties.resolveDirectory(amplify), properties).start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, AmplifyProperties amplify,
            EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgresLauncher.createDatabaseIfMissing(postgres, properties.database());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        dataSource.setPassword(new EmbeddedPostgresLauncher(properties.resolveDirectory(amplify), properties).password());
        dataSource.setPoolName("amplify-embedded");
        return dataSource;
    }
}
