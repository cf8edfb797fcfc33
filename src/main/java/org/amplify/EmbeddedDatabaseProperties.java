package org.amplify;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded PostgreSQL ({@code amplify.database.embedded.*}), used only when no
 * {@code spring.datasource.url} is configured.
 *
 * @param directory the cluster's data directory; empty means {@code <amplify.data-dir>/postgres}
 * @param port the port to listen on (loopback only); 0 picks a free port at every start
 * @param database the database the app uses inside the cluster
 * @param durable fsync on (a crash of the machine loses nothing); tests turn it off for speed
 * @param startupTimeout how long to wait for the server to accept connections
 * @param orphanStopTimeout how long to wait for a server left running by a killed earlier run to stop
 */
@Validated
@ConfigurationProperties("amplify.database.embedded")
public record EmbeddedDatabaseProperties(
        Path directory,
        @Min(0) @Max(65535) @DefaultValue("0") int port,
        @NotBlank @DefaultValue("amplify") String database,
        @DefaultValue("true") boolean durable,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("30s") Duration orphanStopTimeout) {

    Path resolveDirectory(AmplifyProperties amplify) {
        return directory != null ? directory : amplify.dataDir().resolve("postgres");
    }
}
