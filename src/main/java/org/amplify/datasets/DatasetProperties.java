package org.amplify.datasets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the datasets module ({@code amplify.datasets.*}).
 *
 * @param defaultSystemPrompt the system message of the chat-format and preference exports for a step
 *     whose tree has no system prompt of its own
 */
@Validated
@ConfigurationProperties("amplify.datasets")
public record DatasetProperties(
        @NotBlank @Size(max = 4000)
        @DefaultValue("You answer one question. Use only the context given with it, and reply with the answer alone.")
        String defaultSystemPrompt) {
}
