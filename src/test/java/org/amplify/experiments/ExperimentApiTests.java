package org.amplify.experiments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.questions.TestTrees;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Experiments through the API, on the real background jobs: tiny SL and IA runs succeed with their
 * points and a registered model; a long run cancelled stops within 5 s and keeps its points; a
 * queued one is cancelled at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExperimentApiTests {

    private static final Duration TINY_RUN_LIMIT = Duration.ofSeconds(180);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Autowired
    JsonMapper json;

    @Autowired
    TestTrees trees;

    @Test
    void tinySlAndIaRunsSucceedWithTheirPointsAndAModel() throws Exception {
        long sl = start("""
                {"domain": "permutation-powering", "mode": "SL", "size": 8, "steps": 20, "batch": 16,
                 "seed": 7, "evaluateEvery": 10}""");
        long ia = start("""
                {"domain": "permutation-powering", "mode": "IA", "size": 8, "steps": 20, "batch": 16,
                 "seed": 7, "evaluateEvery": 10}""");

        for (long id : List.of(sl, ia)) {
            Map<String, Object> done = waitFor(id, e -> e.get("status").equals("SUCCEEDED"), TINY_RUN_LIMIT);
            assertThat(done.get("currentStep")).isEqualTo(20);
            assertThat(done.get("progress")).isEqualTo(1.0);
            List<Map<String, Object>> points = points(id, -1);
            assertThat(points).extracting(p -> p.get("step")).containsExactly(10, 20);
            assertThat(points(id, 10)).extracting(p -> p.get("step")).containsExactly(20);
            ModelVersion model = registry.find(((Number) done.get("modelVersionId")).longValue()).orElseThrow();
            assertThat(model.kind()).isEqualTo(id == sl ? ModelKind.SL : ModelKind.IA);
            assertThat(model.domain()).isEqualTo("permutation-powering");
            assertThat(model.metrics()).containsEntry("cancelled", false).containsEntry("experimentId", (int) id)
                    .containsKey("accuracy");
        }
        assertThat(points(sl, -1).get(1).get("labels")).isEqualTo(20 * 16);
        assertThat(((Number) points(ia, -1).get(1).get("callsToH")).longValue()).isPositive();

        mvc.perform(get("/api/v1/experiments").param("domain", "permutation-powering").header(HttpHeaders.AUTHORIZATION,
                        researcher()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + sl + ")].status").value("SUCCEEDED"));
    }

    /**
     * The experiment page names its model as everywhere else ("permutation-powering v3", a link to its row on the
     * Models page) and offers admins, not researchers, a Promote button until it is the champion.
     */
    @Test
    void theExperimentPageLinksItsModelAndOffersAdminsToPromoteItUntilItIsTheChampion() throws Exception {
        ModelVersion before = trees.promotedUntrainedModel(); // the champion the other tests expect, put back below
        long id = start("""
                {"domain": "permutation-powering", "mode": "SL", "size": 8, "steps": 10, "batch": 16,
                 "seed": 3, "evaluateEvery": 10}""");
        Map<String, Object> done = waitFor(id, e -> e.get("status").equals("SUCCEEDED"), TINY_RUN_LIMIT);
        ModelVersion model = registry.find(((Number) done.get("modelVersionId")).longValue()).orElseThrow();
        String link = "href=\"/models?domain=permutation-powering#version-" + model.version() + "\"";
        String name = ">permutation-powering v" + model.version() + "<";
        String promote = "action=\"/models/" + model.id() + "/promote\"";

        String admin = page(id, accounts.admin());
        assertThat(admin).contains(link, name, promote, "id=\"promote\"", "name=\"_csrf\"")
                .doesNotContain("model version id");
        assertThat(page(id, accounts.researcher())).contains(link, name).doesNotContain(promote);
        mvc.perform(post("/models/" + model.id() + "/promote").with(csrf())
                .with(user(accounts.principal(accounts.researcher())))).andExpect(status().isForbidden());

        try {
            mvc.perform(post("/models/" + model.id() + "/promote").with(csrf())
                    .with(user(accounts.principal(accounts.admin())))).andExpect(status().is3xxRedirection());
            assertThat(registry.champion("permutation-powering")).contains(model);
            assertThat(page(id, accounts.admin())).contains(link, name, "badge champion").doesNotContain(promote);
        } finally {
            registry.promote(before.id(), "tests");
        }
    }

    private String page(long id, org.amplify.accounts.Account who) throws Exception {
        return mvc.perform(get("/experiments/" + id).with(user(accounts.principal(who)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aTinyRunWithHPrimeCallsHNoMoreThanItsBudgetAndReportsHowWellHPrimePredictsH() throws Exception {
        long id = start("""
                {"domain": "permutation-powering", "mode": "IA_HP", "size": 8, "steps": 20, "batch": 16,
                 "seed": 7, "evaluateEvery": 10, "expertCallBudget": 5, "askerLearningRate": 0.002}""");

        Map<String, Object> done = waitFor(id, e -> e.get("status").equals("SUCCEEDED"), TINY_RUN_LIMIT);
        assertThat(done.get("mode")).isEqualTo("IA_HP");
        List<Map<String, Object>> points = points(id, -1);
        assertThat(points).extracting(p -> p.get("step")).containsExactly(10, 20);
        // H' starts knowing nothing (loss far above 0.1): one call a step until the budget of 5 is spent
        assertThat(points).extracting(p -> ((Number) p.get("callsToH")).longValue()).containsExactly(5L, 5L);
        assertThat(points).extracting(p -> p.get("labels")).containsOnly(0);
        assertThat(points).allSatisfy(p -> assertThat(((Number) p.get("askerAccuracy")).doubleValue())
                .isBetween(0.0, 1.0));
        ModelVersion model = registry.find(((Number) done.get("modelVersionId")).longValue()).orElseThrow();
        assertThat(model.kind()).isEqualTo(ModelKind.IA);
        assertThat(model.metrics()).containsEntry("mode", "IA_HP").containsEntry("callsToH", 5);

        mvc.perform(get("/experiments/" + id).with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("IA with H&#39;")))
                .andExpect(content().string(containsString("id=\"expert-call-budget\">5<")));
        // the page's live parts, as htmx polls them: the run has finished, so 286 (htmx stops polling)
        mvc.perform(get("/experiments/" + id + "/live").header("HX-Request", "true")
                        .with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().is(286))
                .andExpect(content().string(containsString("id=\"experiment-facts\"")))
                .andExpect(content().string(containsString("id=\"expert-call-budget\">5<")))
                .andExpect(content().string(containsString("id=\"experiment-progress\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("id=\"curves\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }

    @Test
    void aCancelledRunStopsWithin5SecondsAndKeepsItsPoints() throws Exception {
        long running = start("""
                {"domain": "permutation-powering", "mode": "SL", "steps": 200000, "batch": 16, "evaluateEvery": 5}""");
        long queued = start("""
                {"domain": "permutation-powering", "mode": "SL", "steps": 200000, "batch": 16, "evaluateEvery": 5}""");
        waitFor(running, e -> e.get("latestPoint") != null, Duration.ofSeconds(120));

        // the second waits for the only worker: cancelled at once, never run
        mvc.perform(post("/api/v1/experiments/" + queued + "/cancel").header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        // while it runs, its page's live parts and its domain's curves go on polling
        mvc.perform(get("/experiments/" + running + "/live").header("HX-Request", "true")
                        .with(user(accounts.principal(accounts.researcher()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/experiments/" + running + "/live\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
        mvc.perform(get("/experiments/domains/permutation-powering/curves").header("HX-Request", "true")
                        .with(user(accounts.principal(accounts.researcher()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
        mvc.perform(post("/api/v1/experiments/" + running + "/cancel").header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cancelRequested").value(true));
        Map<String, Object> cancelled = waitFor(running, e -> e.get("status").equals("CANCELLED"),
                Duration.ofSeconds(5));

        List<Map<String, Object>> points = points(running, -1);
        assertThat(points).isNotEmpty();
        assertThat(points).extracting(p -> (Integer) p.get("step")).isSorted().doesNotHaveDuplicates();
        ModelVersion model = registry.find(((Number) cancelled.get("modelVersionId")).longValue()).orElseThrow();
        assertThat(model.metrics()).containsEntry("cancelled", true);
        assertThat(points(queued, -1)).isEmpty();
        assertThat(experiment(queued).get("startedAt")).isNull();
        mvc.perform(get("/experiments/domains/permutation-powering/curves").header("HX-Request", "true")
                        .with(user(accounts.principal(accounts.researcher()))))
                .andExpect(status().is(286)).andExpect(content().string(containsString("id=\"curves\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))));

        mvc.perform(post("/api/v1/experiments/" + running + "/cancel").header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isConflict());
    }

    private long start(String body) throws Exception {
        String location = mvc.perform(post("/api/v1/experiments").header(HttpHeaders.AUTHORIZATION, admin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().exists(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.status").value("QUEUED")).andExpect(jsonPath("$.startedBy").value("test-admin"))
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/api/v1/experiments/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Polls the experiment (as a researcher) until the condition holds; fails after the limit. */
    private Map<String, Object> waitFor(long id, Predicate<Map<String, Object>> condition, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, Object> experiment = experiment(id);
        while (!condition.test(experiment)) {
            assertThat(System.nanoTime()).as("experiment %d within %s; it is %s", id, limit, experiment)
                    .isLessThan(deadline);
            assertThat(experiment.get("status")).as("experiment %d failed: %s", id, experiment.get("errorMessage"))
                    .isNotEqualTo("FAILED");
            Thread.sleep(100);
            experiment = experiment(id);
        }
        return experiment;
    }

    private Map<String, Object> experiment(long id) throws Exception {
        String body = mvc.perform(get("/api/v1/experiments/" + id).header(HttpHeaders.AUTHORIZATION, researcher()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readValue(body, new TypeReference<>() {});
    }

    private List<Map<String, Object>> points(long id, int after) throws Exception {
        String body = mvc.perform(get("/api/v1/experiments/" + id + "/points").param("after", Integer.toString(after))
                        .header(HttpHeaders.AUTHORIZATION, researcher()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readValue(body, new TypeReference<>() {});
    }

    private String admin() {
        return "Bearer " + accounts.token(accounts.admin());
    }

    private String researcher() {
        return "Bearer " + accounts.token(accounts.researcher());
    }
}
