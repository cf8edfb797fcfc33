package org.amplify.models.web;

import java.util.Map;
import java.util.stream.Stream;
import org.amplify.ChatCompletionsServer;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.ChatPrompt;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextModel;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registering a chat endpoint over the API ({@code POST /api/v1/models/endpoints}) and from the Models
 * page, against the in-test chat-completions server: 201 (or a redirect) with the version and its
 * settings; every bad setting and a failed test request a 400 naming the field; the key never appears
 * in a page, an API response or a log line. (The same Spring context as the other web tests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class EndpointRegistrationWebTests {

    static final String KEY = "sk-web-7d2e8f1a9c3b4a56e0f1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ChatCompletionsServer server;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ChatEndpoints endpoints;

    @BeforeAll
    static void start() {
        server = ChatCompletionsServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode body() {
        ObjectNode body = JSON.createObjectNode();
        body.put("baseUrl", server.baseUrl());
        body.put("model", "qwen2.5:7b");
        body.put("temperature", 0.9);
        body.put("maxTokens", 256);
        body.put("timeoutMs", 4000);
        body.put("note", "Ollama on the lab box");
        return body;
    }

    private MockHttpServletRequestBuilder api(ObjectNode body, String token) {
        return post("/api/v1/models/endpoints").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Test
    void anAdminRegistersOverTheApiAndNoResponseOrLogShowsTheKey(CapturedOutput output) throws Exception {
        server.answering("OK").latency(java.time.Duration.ZERO);
        String admin = accounts.token(accounts.admin());
        Long champion = registry.champion(TextModel.DOMAIN).map(ModelVersion::id).orElse(null);
        ObjectNode body = body().put("apiKey", KEY).put("trainedOnSnapshotId", 12);

        String created = mvc.perform(api(body, admin))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/models/")))
                .andExpect(jsonPath("$.kind").value("ENDPOINT"))
                .andExpect(jsonPath("$.domain").value("text"))
                .andExpect(jsonPath("$.parentId").value(champion))
                .andExpect(jsonPath("$.note").value("Ollama on the lab box"))
                .andExpect(jsonPath("$.metrics.testLatencyMs").isNumber())
                .andExpect(jsonPath("$.endpoint.baseUrl").value(server.baseUrl()))
                .andExpect(jsonPath("$.endpoint.model").value("qwen2.5:7b"))
                .andExpect(jsonPath("$.endpoint.key").value("key: stored encrypted"))
                .andExpect(jsonPath("$.endpoint.storedKey").value(true))
                .andExpect(jsonPath("$.endpoint.temperature").value(0.9))
                .andExpect(jsonPath("$.endpoint.maxTokens").value(256))
                .andExpect(jsonPath("$.endpoint.timeoutMs").value(4000))
                .andExpect(jsonPath("$.endpoint.trainedOnSnapshotId").value(12))
                .andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain(KEY);
        assertThat(server.lastRequest().authorization()).isEqualTo("Bearer " + KEY);
        long id = JSON.readTree(created).get("id").asLong();
        ModelVersion version = registry.find(id).orElseThrow();
        endpoints.complete(version, new ChatPrompt("s", "u"));

        String researcher = accounts.token(accounts.researcher());
        String one = mvc.perform(get("/api/v1/models/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + researcher))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ENDPOINT"))
                .andExpect(jsonPath("$.sha256").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String all = mvc.perform(get("/api/v1/models").param("domain", "text")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + researcher))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        boolean listed = false;
        for (JsonNode model : JSON.readTree(all)) {
            if (model.get("id").asLong() == id) {
                listed = true;
                assertThat(model.get("kind").asString()).isEqualTo("ENDPOINT");
            }
        }
        assertThat(listed).isTrue();
        assertThat(one).doesNotContain(KEY);
        assertThat(all).doesNotContain(KEY);

        String page = mvc.perform(get("/models").param("domain", "text").with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("id=\"version-" + version.version() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">ENDPOINT<", "qwen2.5:7b", server.baseUrl(), "key: stored encrypted",
                "fine-tuned on snapshot 12", "temperature 0.9", "at most 256 tokens", "timeout 4000 ms");
        assertThat(page).doesNotContain(KEY);
        assertThat(output.getAll()).doesNotContain(KEY).contains("Registered the chat endpoint");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(Map.of("baseUrl", "localhost:11434"), "baseUrl"),
                Arguments.of(Map.of("baseUrl", ""), "baseUrl"),
                Arguments.of(Map.of("model", ""), "model"),
                Arguments.of(Map.of("model", "m".repeat(201)), "model"),
                Arguments.of(Map.of("temperature", 2.5), "temperature"),
                Arguments.of(Map.of("temperature", "hot"), "temperature"),
                Arguments.of(Map.of("maxTokens", 0), "maxTokens"),
                Arguments.of(Map.of("maxTokens", 40000), "maxTokens"),
                Arguments.of(Map.of("timeoutMs", 50), "timeoutMs"),
                Arguments.of(Map.of("apiKeyEnv", "NOT-A-NAME"), "apiKeyEnv"),
                Arguments.of(Map.of("apiKeyEnv", "AMPLIFY_UNSET_VARIABLE_91"), "apiKeyEnv"),
                Arguments.of(Map.of("apiKey", KEY, "apiKeyEnv", "HOME"), "apiKey"),
                Arguments.of(Map.of("trainedOnSnapshotId", -3), "trainedOnSnapshotId"),
                Arguments.of(Map.of("note", "n".repeat(2001)), "note"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void eachBadSettingOverTheApiIsA400NamingTheField(Map<String, Object> change, String field) throws Exception {
        ObjectNode body = body();
        change.forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        int versions = registry.versions(TextModel.DOMAIN).size();
        String problem = mvc.perform(api(body, accounts.token(accounts.admin())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andReturn().getResponse().getContentAsString();
        assertThat(problem).doesNotContain(KEY);
        assertThat(registry.versions(TextModel.DOMAIN)).hasSize(versions);
    }

    @Test
    void aRejectedSettingNamesTheFieldAtTheTopOfTheProblemToo() throws Exception {
        mvc.perform(api(body().put("apiKeyEnv", "AMPLIFY_UNSET_VARIABLE_91"), accounts.token(accounts.admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("apiKeyEnv"))
                .andExpect(jsonPath("$.detail", containsString("AMPLIFY_UNSET_VARIABLE_91 is not set")));
    }

    @Test
    void aFailedTestRequestIsA400OnTheBaseUrlAndOnlyAdminsRegister() throws Exception {
        int versions = registry.versions(TextModel.DOMAIN).size();
        server.failing();
        try {
            mvc.perform(api(body(), accounts.token(accounts.admin())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("baseUrl"))
                    .andExpect(jsonPath("$.detail", containsString("did not answer a test request: HTTP_ERROR")));
            server.rateLimitedFirst(100, java.time.Duration.ofSeconds(60));
            mvc.perform(api(body(), accounts.token(accounts.admin())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("RATE_LIMITED")));
        } finally {
            server.answering("OK");
        }
        mvc.perform(api(body(), accounts.token(accounts.expert()))).andExpect(status().isForbidden());
        mvc.perform(api(body(), accounts.token(accounts.researcher()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/models/endpoints").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body()))).andExpect(status().isUnauthorized());
        assertThat(registry.versions(TextModel.DOMAIN)).hasSize(versions);
    }

    @Test
    void anAdminRegistersFromThePageWhichShowsTheSettingsNeverTheKey(CapturedOutput output) throws Exception {
        server.answering("OK");
        var admin = user(accounts.principal(accounts.admin()));
        mvc.perform(post("/models/endpoints").with(csrf()).with(admin)
                        .param("baseUrl", server.baseUrl()).param("model", "mistral-small")
                        .param("apiKey", KEY).param("apiKeyEnv", "")
                        .param("temperature", "0.3").param("maxTokens", "100").param("timeoutMs", "5000")
                        .param("trainedOnSnapshotId", "").param("note", "hosted"))
                .andExpect(redirectedUrl("/models?domain=text"))
                .andExpect(flash().attribute("success", containsString("it answered the test request")));
        ModelVersion version = registry.versions(TextModel.DOMAIN).get(0);
        assertThat(version.kind()).isEqualTo(ModelKind.ENDPOINT);
        assertThat(endpoints.settings(version.id()).orElseThrow().model()).isEqualTo("mistral-small");

        String page = mvc.perform(get("/models").param("domain", "text").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"register-endpoint\"", "key: stored encrypted", "mistral-small")
                .doesNotContain(KEY);
        String expertPage = mvc.perform(get("/models").param("domain", "text")
                        .with(user(accounts.principal(accounts.expert()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(expertPage).doesNotContain("id=\"register-endpoint\"").contains("key: stored encrypted");
        mvc.perform(post("/models/endpoints").with(csrf()).with(user(accounts.principal(accounts.expert())))
                .param("baseUrl", server.baseUrl())).andExpect(status().isForbidden());
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of("baseUrl", "ftp://example.org/v1", "endpoint-base-url-error"),
                Arguments.of("model", " ", "endpoint-model-error"),
                Arguments.of("temperature", "3", "endpoint-temperature-error"),
                Arguments.of("temperature", "warm", "endpoint-temperature-error"),
                Arguments.of("maxTokens", "0", "endpoint-max-tokens-error"),
                Arguments.of("timeoutMs", "700000", "endpoint-timeout-error"),
                Arguments.of("apiKeyEnv", "AMPLIFY_UNSET_VARIABLE_91", "endpoint-api-key-env-error"),
                Arguments.of("trainedOnSnapshotId", "x", "endpoint-snapshot-error"),
                Arguments.of("note", "n".repeat(2001), "endpoint-note-error"));
    }

    @ParameterizedTest
    @MethodSource("badForms")
    void eachBadSettingOnThePageIsA400WithTheErrorOnItsField(String field, String value, String errorId)
            throws Exception {
        int versions = registry.versions(TextModel.DOMAIN).size();
        Map<String, String> form = new java.util.HashMap<>(Map.of("baseUrl", server.baseUrl(), "model", "m",
                "apiKey", KEY, "temperature", "0.5", "maxTokens", "10", "timeoutMs", "3000"));
        if (field.equals("apiKeyEnv")) {
            form.remove("apiKey"); // a key and a variable together are refused on the key's field
        }
        form.put(field, value);
        MockHttpServletRequestBuilder request = post("/models/endpoints").with(csrf())
                .with(user(accounts.principal(accounts.admin())));
        form.forEach(request::param);
        String page = mvc.perform(request).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"" + errorId + "\"", "id=\"register-endpoint\"").doesNotContain(KEY);
        assertThat(registry.versions(TextModel.DOMAIN)).hasSize(versions);
    }

    @Test
    void aFailedTestRequestFromThePageIsA400OnTheBaseUrl() throws Exception {
        server.failing();
        try {
            String page = mvc.perform(post("/models/endpoints").with(csrf())
                            .with(user(accounts.principal(accounts.admin())))
                            .param("baseUrl", server.baseUrl()).param("model", "m").param("apiKey", KEY)
                            .param("temperature", "0.5").param("maxTokens", "10").param("timeoutMs", "3000"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            String error = page.substring(page.indexOf("id=\"endpoint-base-url-error\""));
            assertThat(error.substring(0, error.indexOf("</p>"))).contains("did not answer a test request");
            assertThat(page).doesNotContain(KEY);
        } finally {
            server.answering("OK");
        }
    }
}
