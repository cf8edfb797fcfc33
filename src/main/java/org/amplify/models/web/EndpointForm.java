package org.amplify.models.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.amplify.models.EndpointRegistration;

/**
 * The Models page's form to register a chat endpoint. The key, when given, is never shown back: after
 * an error the page's key field is empty.
 */
record EndpointForm(
        @NotBlank(message = "is required") @Size(max = 500, message = "has at most 500 characters") String baseUrl,
        @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters") String model,
        String apiKey,
        @Size(max = 200, message = "has at most 200 characters") String apiKeyEnv,
        @NotNull(message = "is required") @DecimalMin(value = "0", message = "is between 0 and 2")
        @DecimalMax(value = "2", message = "is between 0 and 2") Double temperature,
        @NotNull(message = "is required") @Min(value = 1, message = "is between 1 and 32768")
        @Max(value = 32768, message = "is between 1 and 32768") Integer maxTokens,
        @NotNull(message = "is required") @Min(value = 100, message = "is between 100 and 600000 ms")
        @Max(value = 600_000, message = "is between 100 and 600000 ms") Integer timeoutMs,
        @Positive(message = "is a snapshot's id") Long trainedOnSnapshotId,
        @Size(max = 2000, message = "has at most 2000 characters") String note) {

    /** The defaults: a local Ollama. */
    static EndpointForm empty() {
        return new EndpointForm("http://localhost:11434/v1", "", null, null, 0.7, 512, 30_000, null, null);
    }

    EndpointRegistration registration() {
        return new EndpointRegistration(baseUrl, model, apiKey, apiKeyEnv, temperature, maxTokens, timeoutMs,
                trainedOnSnapshotId, note);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "EndpointForm[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null || apiKey.isEmpty() ? "none" : "(hidden)") + ", apiKeyEnv=" + apiKeyEnv + "]";
    }
}
