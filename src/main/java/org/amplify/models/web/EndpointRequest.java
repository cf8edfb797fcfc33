package org.amplify.models.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.amplify.models.EndpointRegistration;

@Schema(name = "EndpointRegistration", description = "An OpenAI-compatible chat-completions endpoint to register as "
        + "the next version of the text domain (kind ENDPOINT). It must answer one test request first.")
record EndpointRequest(
        @Schema(description = "the API's base URL (absolute http or https)", example = "http://localhost:11434/v1",
                requiredMode = RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = 500, message = "has at most 500 characters") String baseUrl,
        @Schema(description = "the model name the endpoint serves", example = "llama3.2:3b",
                requiredMode = RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters") String model,
        @Schema(description = "the API key, stored encrypted and never shown again; omit for a server that needs "
                + "none, or give apiKeyEnv instead", example = "sk-...", nullable = true, writeOnly = true)
        String apiKey,
        @Schema(description = "the name of an environment variable of the server that holds the key, read at each "
                + "call (instead of apiKey)", example = "OPENAI_API_KEY", nullable = true)
        @Size(max = 200, message = "has at most 200 characters") String apiKeyEnv,
        @Schema(description = "sampling temperature, 0 to 2", example = "0.7", requiredMode = RequiredMode.REQUIRED)
        @NotNull(message = "is required") @DecimalMin(value = "0", message = "is between 0 and 2")
        @DecimalMax(value = "2", message = "is between 0 and 2") Double temperature,
        @Schema(description = "the most tokens of one answer, 1 to 32768", example = "512",
                requiredMode = RequiredMode.REQUIRED)
        @NotNull(message = "is required") @Min(value = 1, message = "is between 1 and 32768")
        @Max(value = 32768, message = "is between 1 and 32768") Integer maxTokens,
        @Schema(description = "timeout of one request in ms, 100 to 600000", example = "30000",
                requiredMode = RequiredMode.REQUIRED)
        @NotNull(message = "is required") @Min(value = 100, message = "is between 100 and 600000 ms")
        @Max(value = 600_000, message = "is between 100 and 600000 ms") Integer timeoutMs,
        @Schema(description = "the snapshot (GET /api/v1/snapshots/{id}) the model was fine-tuned on elsewhere: its "
                + "lineage", example = "12", nullable = true)
        @Positive(message = "is a snapshot's id") Long trainedOnSnapshotId,
        @Schema(description = "where the model comes from", example = "Ollama on the lab's GPU box", nullable = true)
        @Size(max = 2000, message = "has at most 2000 characters") String note) {

    EndpointRegistration registration() {
        return new EndpointRegistration(baseUrl, model, apiKey, apiKeyEnv, temperature, maxTokens, timeoutMs,
                trainedOnSnapshotId, note);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return registration().toString();
    }
}
