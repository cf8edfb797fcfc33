package org.amplify.models;

import java.time.Duration;

/**
 * Where a language model of kind {@link ModelKind#ENDPOINT} is and how to sample it: an
 * OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp's server, a hosted provider).
 * Never holds the API key itself: only whether there is one and, if it comes from the environment,
 * the variable's name.
 *
 * @param baseUrl the API's base URL, e.g. {@code http://localhost:11434/v1}
 * @param model the model name the endpoint serves
 * @param apiKeyEnv the environment variable that holds the key, or null
 * @param storedKey whether an encrypted key is stored for it
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the most tokens of one answer
 * @param timeout of one request
 * @param trainedOnSnapshotId the snapshot a model fine-tuned elsewhere was trained on (its lineage), or null
 */
public record EndpointSettings(String baseUrl, String model, String apiKeyEnv, boolean storedKey, double temperature,
        int maxTokens, Duration timeout, Long trainedOnSnapshotId) {

    /** Where the key comes from, as the pages say it: never the key. */
    public String keyDescription() {
        if (apiKeyEnv != null) {
            return "key: from $" + apiKeyEnv;
        }
        return storedKey ? "key: stored encrypted" : "no key";
    }
}
