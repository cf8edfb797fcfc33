package org.amplify.experiments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.TestAccounts;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelSize;
import org.amplify.models.ModelVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adversarial searches through the API: bad settings are a 400 naming the field, only admins start
 * one, and a tiny search runs as a background job to its figures and a registered model.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdversarialSearchApiTests {

    private static final ModelSize TINY = new ModelSize(16, 1, 2, 32);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void badSettingsAreRefusedNamingTheField() throws Exception {
        long x = model().id();
        refused("{\"modelVersionId\": %d, \"queries\": -5}".formatted(x), "queries", "must be positive");
        refused("{\"modelVersionId\": %d, \"queries\": 0}".formatted(x), "queries", "must be positive");
        refused("{\"modelVersionId\": %d}".formatted(x), "queries", "is required");
        refused("{\"modelVersionId\": %d, \"queries\": 100001}".formatted(x), "queries", "must be at most 100000");
        refused("{\"modelVersionId\": %d, \"queries\": 10, \"trainingSteps\": -1}".formatted(x), "trainingSteps",
                "must not be negative");
        for (String share : new String[] {"-0.1", "1.5"}) {
            refused("{\"modelVersionId\": %d, \"queries\": 10, \"mutationShare\": %s}".formatted(x, share),
                    "mutationShare", "must be a share, between 0 and 1");
        }
        refused("{\"modelVersionId\": %d, \"queries\": 10, \"maxLevel\": 6}".formatted(x), "maxLevel",
                "must be between 1 and 5 for permutation-powering");
        refused("{\"modelVersionId\": %d, \"queries\": 10, \"size\": 7}".formatted(x), "size",
                "must be between 8 and 64 for permutation-powering");
        refused("{\"modelVersionId\": 987654, \"queries\": 10}", "modelVersionId", "no model version has id 987654");
        refused("{\"queries\": 10}", "modelVersionId", "is required");
        refused("{\"modelVersionId\": %d, \"queries\": 10}".formatted(row("text", "ROUND")), "modelVersionId",
                "is a model of the text domain: the search needs an algorithmic domain, with its programmatic expert");
        refused("{\"modelVersionId\": %d, \"queries\": 10}".formatted(row(PermutationPowering.NAME, "IMPORT")),
                "modelVersionId", "is an imported model: only a model trained here can be trained with the cases found");
        start("{\"modelVersionId\": %d, \"queries\": -1, \"trainingSteps\": -2, \"mutationShare\": 2}".formatted(x))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("queries", "trainingSteps",
                        "mutationShare")));
        start("{\"modelVersionId\": %d, \"queries\": \"many\"}".formatted(x)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("queries"));
        mvc.perform(get("/api/v1/adversarial-searches/987654").header(HttpHeaders.AUTHORIZATION, bearer("admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No adversarial search with id 987654"));
    }

    @Test
    void onlyAdminsStartOneAndResearchersRead() throws Exception {
        long x = model().id();
        for (String who : new String[] {"researcher", "expert"}) {
            mvc.perform(post("/api/v1/adversarial-searches").header(HttpHeaders.AUTHORIZATION, bearer(who))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"modelVersionId\": %d, \"queries\": 10}".formatted(x)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/adversarial-searches").header(HttpHeaders.AUTHORIZATION, bearer("expert")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/adversarial-searches").header(HttpHeaders.AUTHORIZATION, bearer("researcher")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/adversarial-searches")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTinySearchRunsToItsFiguresAndRegistersTheTrainedModel() throws Exception {
        ModelVersion searched = model();
        String location = start("""
                {"modelVersionId": %d, "queries": 64, "trainingSteps": 3, "seed": 5, "maxLevel": 1}""".formatted(
                searched.id()))
                .andExpect(status().isCreated()).andExpect(header().exists(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.status").value("QUEUED")).andExpect(jsonPath("$.mutationShare").value(0.5))
                .andExpect(jsonPath("$.size").value(8))
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/api/v1/adversarial-searches/");

        Map<String, Object> done = waitForSuccess(location, Duration.ofSeconds(180));
        assertThat(done.get("progress")).isEqualTo(1.0);
        assertThat(done.get("phase")).isEqualTo("DONE");
        for (String search : List.of("before", "after", "control")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) done.get(search);
            assertThat(figures.get("queries")).as(search).isEqualTo(64);
            assertThat(((Number) figures.get("perThousand")).doubleValue()).as(search).isBetween(0.0, 1000.0);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) done.get("before");
        assertThat(((Number) before.get("perThousand")).doubleValue()).isGreaterThan(500); // an untrained X
        assertThat((List<?>) done.get("foundCases")).isNotEmpty().hasSizeLessThanOrEqualTo(50);

        ModelVersion trained = registry.find(((Number) done.get("trainedModelVersionId")).longValue()).orElseThrow();
        assertThat(trained.kind()).isEqualTo(ModelKind.IA);
        assertThat(trained.parentId()).isEqualTo(searched.id());
        assertThat(trained.metrics()).containsEntry("steps", 3).containsKey("disagreementsPerThousandBefore")
                .containsKey("disagreementsPerThousandAfter").containsKey("disagreementsPerThousandControl");

        mvc.perform(get("/api/v1/adversarial-searches").header(HttpHeaders.AUTHORIZATION, bearer("researcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + done.get("id") + ")].status").value("SUCCEEDED"));
    }

    @Test
    void anAdminStartsOneFromThePageAndMistakesAreShownNextToTheirFields() throws Exception {
        ModelVersion searched = model();
        var admin = user(accounts.principal(accounts.admin()));
        mvc.perform(get("/experiments/adversarial").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + searched.id() + "\"")));

        mvc.perform(post("/experiments/adversarial").with(admin).with(csrf())
                        .param("modelVersionId", String.valueOf(searched.id())).param("queries", "-5")
                        .param("trainingSteps", "many").param("mutationShare", "1.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The search was not started")))
                .andExpect(content().string(containsString("must be positive")))
                .andExpect(content().string(containsString("must be a whole number")))
                .andExpect(content().string(containsString("must be a share, between 0 and 1")));

        mvc.perform(post("/experiments/adversarial").with(admin).with(csrf())
                        .param("modelVersionId", String.valueOf(searched.id())).param("queries", "64")
                        .param("trainingSteps", "0").param("seed", "9"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(HttpHeaders.LOCATION, "/experiments/adversarial"));
        Long started = jdbc.queryForObject("SELECT max(id) FROM adversarial_searches WHERE model_version_id = ?",
                Long.class, searched.id());
        assertThat(started).isNotNull();
        // the list names the searched model as every page does, linked to its row on the Models page
        mvc.perform(get("/experiments/adversarial").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/models?domain=permutation-powering#version-"
                        + searched.version() + "\">permutation-powering v" + searched.version() + "</a>")));
    }

    private ModelVersion model() {
        try (AnswerModel x = AnswerModel.create(new PermutationPowering(), TINY, 1e-3f, 3)) {
            return registry.register(x, ModelKind.IA, null, Map.of("size", 8));
        }
    }

    /** A registered version with no file: enough for what the checks read. */
    private long row(String domain, String kind) {
        return jdbc.queryForObject("""
                INSERT INTO model_versions (domain, version, kind, artifact_path, sha256, metrics)
                VALUES (?, (SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE domain = ?), ?, 'none',
                    repeat('0', 64), '{}'::jsonb) RETURNING id""", Long.class, domain, domain, kind);
    }

    private void refused(String body, String field, String message) throws Exception {
        start(body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andExpect(jsonPath("$.detail", containsString(field + ": " + message)));
    }

    private ResultActions start(String body) throws Exception {
        return mvc.perform(post("/api/v1/adversarial-searches").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private Map<String, Object> waitForSuccess(String location, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String body = mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, bearer("researcher")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Map<String, Object> search = json.readValue(body, new TypeReference<>() {});
            if ("SUCCEEDED".equals(search.get("status"))) {
                return search;
            }
            assertThat(search.get("status")).as("%s failed: %s", location, search.get("errorMessage"))
                    .isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("%s within %s; it is %s", location, limit, search).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private String bearer(String who) {
        return "Bearer " + accounts.token(switch (who) {
            case "admin" -> accounts.admin();
            case "researcher" -> accounts.researcher();
            default -> accounts.expert();
        });
    }
}
