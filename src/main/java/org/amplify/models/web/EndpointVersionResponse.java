package org.amplify.models.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.util.Map;
import org.amplify.models.EndpointSettings;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelVersion;

@Schema(name = "EndpointVersion", description = "A registered chat endpoint: its model version and its settings "
        + "(never the key)")
record EndpointVersionResponse(
        @Schema(description = "the version's id", example = "9", requiredMode = RequiredMode.REQUIRED) long id,
        @Schema(description = "always text", example = "text", requiredMode = RequiredMode.REQUIRED) String domain,
        @Schema(description = "1, 2, ... within the domain", example = "4", requiredMode = RequiredMode.REQUIRED)
        int version,
        @Schema(description = "the text champion when it was registered, or null", example = "3", nullable = true)
        Long parentId,
        @Schema(description = "ENDPOINT", example = "ENDPOINT", requiredMode = RequiredMode.REQUIRED) ModelKind kind,
        @Schema(description = "the admin's note", example = "Ollama on the lab's GPU box", nullable = true) String note,
        @Schema(description = "the test request's latency (testLatencyMs) and tokens (testTokens)",
                example = "{\"testLatencyMs\": 412, \"testTokens\": 21}", requiredMode = RequiredMode.REQUIRED)
        Map<String, Object> metrics,
        @Schema(description = "when it was registered (UTC)", requiredMode = RequiredMode.REQUIRED) Instant createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED) Endpoint endpoint) {

    @Schema(name = "EndpointSettings", description = "Where the model is and how it is sampled; never the key")
    record Endpoint(
            @Schema(example = "http://localhost:11434/v1", requiredMode = RequiredMode.REQUIRED) String baseUrl,
            @Schema(example = "llama3.2:3b", requiredMode = RequiredMode.REQUIRED) String model,
            @Schema(description = "\"key: stored encrypted\", \"key: from $NAME\" or \"no key\"",
                    example = "key: from $OPENAI_API_KEY", requiredMode = RequiredMode.REQUIRED) String key,
            @Schema(description = "the environment variable that holds the key, or null", example = "OPENAI_API_KEY",
                    nullable = true) String apiKeyEnv,
            @Schema(description = "whether an encrypted key is stored", example = "false",
                    requiredMode = RequiredMode.REQUIRED) boolean storedKey,
            @Schema(example = "0.7", requiredMode = RequiredMode.REQUIRED) double temperature,
            @Schema(example = "512", requiredMode = RequiredMode.REQUIRED) int maxTokens,
            @Schema(example = "30000", requiredMode = RequiredMode.REQUIRED) long timeoutMs,
            @Schema(description = "the snapshot it was fine-tuned on, or null", example = "12", nullable = true)
            Long trainedOnSnapshotId) {}

    static EndpointVersionResponse of(ModelVersion v, EndpointSettings s) {
        return new EndpointVersionResponse(v.id(), v.domain(), v.version(), v.parentId(), v.kind(), v.note(),
                v.metrics(), v.createdAt(), new Endpoint(s.baseUrl(), s.model(), s.keyDescription(), s.apiKeyEnv(),
                        s.storedKey(), s.temperature(), s.maxTokens(), s.timeout().toMillis(),
                        s.trainedOnSnapshotId()));
    }
}
