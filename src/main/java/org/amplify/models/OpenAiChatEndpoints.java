package org.amplify.models;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ChatEndpoints} on Spring AI's OpenAI client ({@link ChatEndpointClient}, one per endpoint
 * version, built at its first call and kept). The API key is never logged nor returned: it is kept
 * encrypted ({@link EndpointKeys}) or named by an environment variable, and read at each request.
 */
@Service
class OpenAiChatEndpoints implements ChatEndpoints {

    private static final Logger log = LoggerFactory.getLogger(OpenAiChatEndpoints.class);

    /** The registration's check: one short request the model must answer. */
    static final ChatPrompt TEST_PROMPT = new ChatPrompt("You are a helpful assistant.", "Reply with the word OK.");

    private final JdbcTemplate jdbc;
    private final ModelRegistry registry;
    private final EndpointKeys keys;
    private final Environment environment;
    private final TransactionTemplate transaction;
    private final Map<Long, ChatEndpointClient> clients = new ConcurrentHashMap<>();

    OpenAiChatEndpoints(JdbcTemplate jdbc, ModelRegistry registry, EndpointKeys keys, Environment environment,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.keys = keys;
        this.environment = environment;
        this.transaction = transaction;
    }

    @Override
    public ModelVersion register(EndpointRegistration registration, String by) {
        EndpointRules.check(registration, environment::getProperty);
        String apiKey = blankToNull(registration.apiKey());
        String apiKeyEnv = blankToNull(registration.apiKeyEnv());
        EndpointSettings settings = new EndpointSettings(registration.baseUrl().trim(), registration.model().trim(),
                apiKeyEnv, apiKey != null, registration.temperature(), registration.maxTokens(),
                Duration.ofMillis(registration.timeoutMs()), registration.trainedOnSnapshotId());
        Supplier<String> key = apiKey != null ? () -> apiKey
                : apiKeyEnv != null ? () -> environment.getProperty(apiKeyEnv) : () -> null;
        long started = System.nanoTime();
        ChatReply test;
        try {
            test = new ChatEndpointClient(settings, key).complete(TEST_PROMPT);
        } catch (EndpointCallException e) {
            log.info("The endpoint {} (model {}) did not answer the test request of {}: {} {}", settings.baseUrl(),
                    settings.model(), by, e.reason(), e.getMessage());
            throw new EndpointRejectedException("baseUrl", "the endpoint did not answer a test request: "
                    + e.reason() + " (" + e.getMessage() + ")");
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("testLatencyMs", latencyMs);
        metrics.put("testTokens", test.totalTokens());
        String ciphertext = apiKey == null ? null : keys.encrypt(apiKey);
        ModelVersion version = transaction.execute(status -> {
            Long parent = registry.champion(TextModel.DOMAIN).map(ModelVersion::id).orElse(null);
            ModelVersion registered = registry.registerEndpoint(parent, metrics, blankToNull(registration.note()));
            jdbc.update("""
                    INSERT INTO model_endpoints (model_version_id, base_url, model, api_key_env, api_key_ciphertext,
                        temperature, max_tokens, timeout_ms, trained_on_snapshot_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", registered.id(), settings.baseUrl(), settings.model(),
                    apiKeyEnv, ciphertext, settings.temperature(), settings.maxTokens(), registration.timeoutMs(),
                    settings.trainedOnSnapshotId());
            return registered;
        });
        log.info("Registered the chat endpoint {} (model {}, {}) as text v{} (id {}), by {}; test answer in {} ms",
                settings.baseUrl(), settings.model(), settings.keyDescription(), version.version(), version.id(), by,
                latencyMs);
        return version;
    }

    @Override
    public Optional<EndpointSettings> settings(long versionId) {
        return jdbc.query("SELECT * FROM model_endpoints WHERE model_version_id = ?", (rs, row) -> {
            long snapshot = rs.getLong("trained_on_snapshot_id");
            Long trainedOn = rs.wasNull() ? null : snapshot;
            return new EndpointSettings(rs.getString("base_url"), rs.getString("model"), rs.getString("api_key_env"),
                    rs.getString("api_key_ciphertext") != null, rs.getDouble("temperature"), rs.getInt("max_tokens"),
                    Duration.ofMillis(rs.getInt("timeout_ms")), trainedOn);
        }, versionId).stream().findFirst();
    }

    @Override
    public ChatReply complete(ModelVersion version, ChatPrompt prompt) {
        if (version.kind() != ModelKind.ENDPOINT) {
            throw new IllegalArgumentException(version.domain() + " v" + version.version() + " is not a chat endpoint");
        }
        return clients.computeIfAbsent(version.id(), this::client).complete(prompt);
    }

    private ChatEndpointClient client(long versionId) {
        EndpointSettings settings = settings(versionId)
                .orElseThrow(() -> new IllegalArgumentException("model version " + versionId + " has no endpoint"));
        Supplier<String> key;
        if (settings.apiKeyEnv() != null) {
            String name = settings.apiKeyEnv();
            key = () -> environment.getProperty(name);
        } else if (settings.storedKey()) {
            key = () -> keys.decrypt(jdbc.queryForObject(
                    "SELECT api_key_ciphertext FROM model_endpoints WHERE model_version_id = ?", String.class,
                    versionId));
        } else {
            key = () -> null;
        }
        return new ChatEndpointClient(settings, key);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
