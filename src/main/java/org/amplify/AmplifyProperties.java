package org.amplify;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Application-wide settings ({@code amplify.*}).
 *
 * @param dataDir where everything Amplify keeps on disk lives: the embedded PostgreSQL's data, model
 *     artifacts, the initial admin password file
 */
@Validated
@ConfigurationProperties("amplify")
public record AmplifyProperties(@NotNull @DefaultValue("./data") Path dataDir) {}
