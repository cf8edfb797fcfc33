package org.amplify.models;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.amplify.ChatCompletionsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering a chat endpoint as a model version of {@code text} (checked by one test request) and
 * sampling it through {@link ChatEndpoints}, against the in-test chat-completions server; the key is
 * stored encrypted or read from the environment, and never logged. (The same Spring context as the
 * web tests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ChatEndpointsTests {

    static final String KEY = "sk-test-5f1c9a7e2b4d4e0f8a1b";
    static final String ENV_NAME = "AMPLIFY_TEST_ENDPOINT_KEY";
    static final String ENV_KEY = "sk-env-0c4f5d3b9e8a7f61";

    static ChatCompletionsServer server;

    @Autowired
    ChatEndpoints endpoints;

    @Autowired
    ModelRegistry registry;

    @Autowired
    EndpointKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        server = ChatCompletionsServer.start();
        // Spring's Environment reads system properties as it reads environment variables
        System.setProperty(ENV_NAME, ENV_KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
        System.clearProperty(ENV_NAME);
    }

    static EndpointRegistration registration(String apiKey, String apiKeyEnv) {
        return new EndpointRegistration(server.baseUrl(), "llama3.2:1b", apiKey, apiKeyEnv, 0.8, 128, 5000, null,
                "a local Ollama");
    }

    @Test
    void anEndpointIsCheckedThenRegisteredAsTheNextTextVersionWithoutAFile() {
        server.answering("OK");
        Long champion = registry.champion(TextModel.DOMAIN).map(ModelVersion::id).orElse(null);
        int before = server.requestCount();

        ModelVersion version = endpoints.register(registration(null, null), "admin");

        assertThat(version.kind()).isEqualTo(ModelKind.ENDPOINT);
        assertThat(version.domain()).isEqualTo(TextModel.DOMAIN);
        assertThat(version.artifactPath()).isNull();
        assertThat(version.sha256()).isNull();
        assertThat(version.parentId()).isEqualTo(champion);
        assertThat(version.note()).isEqualTo("a local Ollama");
        assertThat(version.metrics()).containsKeys("testLatencyMs", "testTokens");
        assertThat(server.requestCount()).isEqualTo(before + 1);
        assertThat(server.lastRequest().user()).isEqualTo("Reply with the word OK.");
        assertThat(server.lastRequest().authorization()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM model_artifacts WHERE model_version_id = ?",
                Integer.class, version.id())).isZero();

        EndpointSettings settings = endpoints.settings(version.id()).orElseThrow();
        assertThat(settings).isEqualTo(new EndpointSettings(server.baseUrl(), "llama3.2:1b", null, false, 0.8, 128,
                Duration.ofMillis(5000), null));
        assertThat(settings.keyDescription()).isEqualTo("no key");

        server.answering(seen -> "An answer to " + seen.user());
        ChatReply reply = endpoints.complete(version, new ChatPrompt("Be brief.", "Why?"));
        assertThat(reply.text()).isEqualTo("An answer to Why?");
        assertThat(reply.completionTokens()).isEqualTo(4);
        assertThat(server.lastRequest().temperature()).isEqualTo(0.8);
        assertThat(server.lastRequest().maxTokens()).isEqualTo(128);
    }

    @Test
    void anEndpointVersionIsPromotedButHasNoFileToLoad() {
        server.answering("OK");
        ModelVersion version = endpoints.register(registration(null, null), "admin");
        Long previous = registry.champion(TextModel.DOMAIN).map(ModelVersion::id).orElse(null);
        try {
            assertThat(registry.promote(version.id(), "admin").id()).isEqualTo(version.id());
            assertThat(registry.champion(TextModel.DOMAIN)).map(ModelVersion::id).contains(version.id());
            assertThatThrownBy(() -> registry.loadText(version)).isInstanceOf(ModelArtifactException.class)
                    .hasMessageContaining("chat endpoint");
            assertThatThrownBy(() -> registry.serveText(version)).isInstanceOf(ModelArtifactException.class)
                    .hasMessageContaining("chat endpoint");
            assertThatThrownBy(() -> registry.serve(version, new org.amplify.domains.permutation.PermutationPowering()))
                    .isInstanceOf(ModelArtifactException.class);
            assertThat(registry.versions(TextModel.DOMAIN)).extracting(ModelVersion::id).contains(version.id());
        } finally {
            if (previous != null) {
                registry.promote(previous, "admin");
            }
        }
    }

    @Test
    void aGivenKeyIsStoredEncryptedSentAsBearerAndNeverLogged(CapturedOutput output) {
        server.answering("OK");
        ModelVersion version = endpoints.register(registration(KEY, null), "admin");
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer " + KEY);

        String stored = jdbc.queryForObject(
                "SELECT api_key_ciphertext FROM model_endpoints WHERE model_version_id = ?", String.class, version.id());
        assertThat(stored).isNotBlank().doesNotContain(KEY);
        assertThat(keys.decrypt(stored)).isEqualTo(KEY);
        assertThat(jdbc.queryForObject("SELECT api_key_env FROM model_endpoints WHERE model_version_id = ?",
                String.class, version.id())).isNull();
        EndpointSettings settings = endpoints.settings(version.id()).orElseThrow();
        assertThat(settings.storedKey()).isTrue();
        assertThat(settings.keyDescription()).isEqualTo("key: stored encrypted");
        assertThat(settings.toString()).doesNotContain(KEY);

        endpoints.complete(version, new ChatPrompt("s", "u"));
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer " + KEY);
        server.failing();
        assertThatThrownBy(() -> endpoints.complete(version, new ChatPrompt("s", "u")))
                .isInstanceOf(EndpointCallException.class).message().doesNotContain(KEY);
        assertThatThrownBy(() -> endpoints.register(registration(KEY, null), "admin"))
                .isInstanceOf(EndpointRejectedException.class).message().doesNotContain(KEY);
        server.answering("OK");
        assertThat(output.getAll()).doesNotContain(KEY).contains("Registered the chat endpoint");
    }

    @Test
    void aKeyFromTheEnvironmentIsReadAtEachCall(CapturedOutput output) {
        server.answering("OK");
        ModelVersion version = endpoints.register(registration(null, ENV_NAME), "admin");
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer " + ENV_KEY);
        EndpointSettings settings = endpoints.settings(version.id()).orElseThrow();
        assertThat(settings.apiKeyEnv()).isEqualTo(ENV_NAME);
        assertThat(settings.storedKey()).isFalse();
        assertThat(settings.keyDescription()).isEqualTo("key: from $" + ENV_NAME);

        endpoints.complete(version, new ChatPrompt("s", "u"));
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer " + ENV_KEY);
        System.setProperty(ENV_NAME, ENV_KEY + "-rotated");
        try {
            endpoints.complete(version, new ChatPrompt("s", "u"));
            assertThat(server.lastRequest().authorization()).isEqualTo("Bearer " + ENV_KEY + "-rotated");
        } finally {
            System.setProperty(ENV_NAME, ENV_KEY);
        }
        assertThat(output.getAll()).doesNotContain(ENV_KEY);
    }

    static Stream<Arguments> badRegistrations() {
        String url = "http://127.0.0.1:1/v1";
        return Stream.of(
                Arguments.of(new EndpointRegistration(null, "m", null, null, 0.5, 10, 1000, null, null), "baseUrl"),
                Arguments.of(new EndpointRegistration("localhost:11434/v1", "m", null, null, 0.5, 10, 1000, null, null),
                        "baseUrl"),
                Arguments.of(new EndpointRegistration("ftp://host/v1", "m", null, null, 0.5, 10, 1000, null, null),
                        "baseUrl"),
                Arguments.of(new EndpointRegistration("/v1", "m", null, null, 0.5, 10, 1000, null, null), "baseUrl"),
                Arguments.of(new EndpointRegistration(url, " ", null, null, 0.5, 10, 1000, null, null), "model"),
                Arguments.of(new EndpointRegistration(url, "m".repeat(201), null, null, 0.5, 10, 1000, null, null),
                        "model"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, -0.1, 10, 1000, null, null), "temperature"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 2.1, 10, 1000, null, null), "temperature"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, Double.NaN, 10, 1000, null, null),
                        "temperature"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 0.5, 0, 1000, null, null), "maxTokens"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 0.5, 32769, 1000, null, null), "maxTokens"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 0.5, 10, 99, null, null), "timeoutMs"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 0.5, 10, 600_001, null, null), "timeoutMs"),
                Arguments.of(new EndpointRegistration(url, "m", null, "1BAD", 0.5, 10, 1000, null, null), "apiKeyEnv"),
                Arguments.of(new EndpointRegistration(url, "m", null, "AMPLIFY_NOT_SET_ANYWHERE_42", 0.5, 10, 1000,
                        null, null), "apiKeyEnv"),
                Arguments.of(new EndpointRegistration(url, "m", "sk-x", "HOME", 0.5, 10, 1000, null, null), "apiKey"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 0.5, 10, 1000, 0L, null),
                        "trainedOnSnapshotId"),
                Arguments.of(new EndpointRegistration(url, "m", null, null, 0.5, 10, 1000, null, "n".repeat(2001)),
                        "note"));
    }

    @ParameterizedTest
    @MethodSource("badRegistrations")
    void eachBadSettingIsRefusedNamingItsFieldBeforeAnyRequest(EndpointRegistration bad, String field) {
        int versions = registry.versions(TextModel.DOMAIN).size();
        assertThatThrownBy(() -> endpoints.register(bad, "admin")).isInstanceOf(EndpointRejectedException.class)
                .extracting(e -> ((EndpointRejectedException) e).field()).isEqualTo(field);
        assertThat(registry.versions(TextModel.DOMAIN)).hasSize(versions);
    }

    @Test
    void anEndpointThatFailsTheTestRequestIsRefusedOnItsBaseUrl() {
        int versions = registry.versions(TextModel.DOMAIN).size();
        server.failing();
        try {
            assertThatThrownBy(() -> endpoints.register(registration(null, null), "admin"))
                    .isInstanceOf(EndpointRejectedException.class)
                    .hasMessageStartingWith("the endpoint did not answer a test request: HTTP_ERROR")
                    .extracting(e -> ((EndpointRejectedException) e).field()).isEqualTo("baseUrl");
            server.answering("OK").latency(Duration.ofSeconds(2));
            EndpointRegistration slow = new EndpointRegistration(server.baseUrl(), "m", null, null, 0, 10, 200, null,
                    null);
            assertThatThrownBy(() -> endpoints.register(slow, "admin")).isInstanceOf(EndpointRejectedException.class)
                    .hasMessageContaining("TIMEOUT");
        } finally {
            server.answering("OK").latency(Duration.ZERO);
        }
        assertThat(registry.versions(TextModel.DOMAIN)).hasSize(versions);
    }

    @Test
    void onlyEndpointVersionsAreSampledAndHaveSettings() {
        List<ModelVersion> others = registry.versions(TextModel.DOMAIN).stream()
                .filter(v -> v.kind() != ModelKind.ENDPOINT).toList();
        for (ModelVersion other : others) {
            assertThat(endpoints.settings(other.id())).isEmpty();
            assertThatThrownBy(() -> endpoints.complete(other, new ChatPrompt("s", "u")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        ModelVersion fake = new ModelVersion(-1, TextModel.DOMAIN, 1, null, ModelKind.ROUND, "x", "y", java.util.Map.of(),
                java.time.Instant.now(), null);
        assertThatThrownBy(() -> endpoints.complete(fake, new ChatPrompt("s", "u")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(endpoints.settings(-1)).isEmpty();
    }
}
