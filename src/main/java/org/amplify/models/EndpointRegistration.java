package org.amplify.models;

/**
 * What an admin gives to register a chat endpoint. The key is either given ({@code apiKey}, stored
 * encrypted) or named ({@code apiKeyEnv}, read from the environment at each call), or neither (a local
 * server such as Ollama needs none).
 *
 * @param timeoutMs of one request, in milliseconds
 * @param trainedOnSnapshotId the snapshot the model was fine-tuned on elsewhere, or null
 * @param note the admin's note (where the model comes from), or null
 */
public record EndpointRegistration(String baseUrl, String model, String apiKey, String apiKeyEnv, double temperature,
        int maxTokens, int timeoutMs, Long trainedOnSnapshotId, String note) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "EndpointRegistration[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null || apiKey.isEmpty() ? "none" : "(hidden)") + ", apiKeyEnv=" + apiKeyEnv
                + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", timeoutMs=" + timeoutMs
                + ", trainedOnSnapshotId=" + trainedOnSnapshotId + "]";
    }
}
