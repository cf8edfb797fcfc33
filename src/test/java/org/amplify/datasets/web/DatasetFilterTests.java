package org.amplify.datasets.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.amplify.datasets.TestDatasets;
import org.amplify.datasets.TestDatasets.Fixture;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Transcript;
import org.amplify.questions.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The exports' filters work and combine; a bad filter is a 400 problem that names the parameter; an
 * unknown id is a 404 problem; an expert's token gets 403 and no token 401, as problem details,
 * while a researcher's token, an admin's and a signed-in researcher's browser get the data.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatasetFilterTests {

    static final List<String> ROUTES = List.of("/api/v1/snapshots", "/api/v1/snapshots/%d",
            "/api/v1/snapshots/%d/transcripts", "/api/v1/transcripts", "/api/v1/feedback", "/api/v1/models",
            "/api/v1/models/%d");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDatasets datasets;

    @Autowired
    QuestionService questions;

    @Autowired
    JsonMapper json;

    Fixture fixture;

    @BeforeEach
    void transcripts() {
        fixture = datasets.fixture();
    }

    @Test
    void transcriptFiltersWorkAndCombine() throws Exception {
        String alice = "expert=" + TestDatasets.ALICE;
        assertThat(ids("/api/v1/transcripts?" + alice)).isEqualTo(fixture.aliceTranscripts().stream().sorted().toList());
        assertThat(ids("/api/v1/transcripts?expert=" + TestDatasets.BOB.toUpperCase()))
                .isEqualTo(fixture.bobTranscripts().stream().sorted().toList());
        assertThat(ids("/api/v1/transcripts?domain=permutation-powering&" + alice))
                .isEqualTo(fixture.permutationTranscripts());
        assertThat(ids("/api/v1/transcripts?domain=text&" + alice)).isEqualTo(fixture.aliceTranscripts().stream()
                .filter(fixture.textTranscripts()::contains).sorted().toList());
        assertThat(ids("/api/v1/transcripts?domain=text&expert=" + TestDatasets.BOB))
                .isEqualTo(fixture.bobTranscripts().stream().sorted().toList());
        for (Verdict verdict : Verdict.values()) {
            List<Long> expected = questions.transcripts(fixture.aliceTranscripts()).stream()
                    .filter(t -> t.subquestions().stream().anyMatch(s -> s.feedback().stream()
                            .anyMatch(f -> f.verdict() == verdict)))
                    .map(Transcript::workspaceId).sorted().toList();
            assertThat(ids("/api/v1/transcripts?verdict=" + verdict.name().toLowerCase() + "&" + alice))
                    .as(verdict.name()).isEqualTo(expected);
        }
        assertThat(ids("/api/v1/transcripts?verdict=CORRECT&domain=permutation-powering&" + alice))
                .isEqualTo(fixture.permutationTranscripts());
        assertThat(ids("/api/v1/transcripts?verdict=correct&domain=text&expert=" + TestDatasets.BOB)).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Long> all = fixture.transcripts().stream().sorted().toList();
        Set<Long> mine = new HashSet<>(all);
        assertThat(ids("/api/v1/transcripts?from=" + today.minusDays(1) + "&to=" + today).stream()
                .filter(mine::contains).toList()).isEqualTo(all); // a date as "to" holds that whole day
        assertThat(ids("/api/v1/transcripts?from=" + today.plusDays(1) + "&" + alice)).isEmpty();
        assertThat(ids("/api/v1/transcripts?to=" + today.minusDays(1) + "&" + alice)).isEmpty();
        assertThat(ids("/api/v1/transcripts?from=" + today.minusDays(1) + "T23:00:00-01:00&to=" + today.plusDays(1)
                + "T00:00:00Z&domain=permutation-powering&" + alice)).isEqualTo(fixture.permutationTranscripts());
    }

    @Test
    void feedbackFiltersWorkAndCombine() throws Exception {
        List<JsonNode> ofAlice = records("/api/v1/feedback?expert=" + TestDatasets.ALICE);
        assertThat(ofAlice).isNotEmpty().allSatisfy(f -> assertThat(f.get("expert").asString())
                .isEqualTo(TestDatasets.ALICE));
        for (Verdict verdict : Verdict.values()) {
            List<JsonNode> kind = records("/api/v1/feedback?verdict=" + verdict + "&expert=" + TestDatasets.ALICE);
            assertThat(kind).hasSize((int) ofAlice.stream().filter(f -> f.get("verdict").asString()
                    .equals(verdict.name())).count());
        }
        List<JsonNode> permutation = records("/api/v1/feedback?domain=permutation-powering&verdict=accept&expert="
                + TestDatasets.ALICE);
        assertThat(permutation).hasSize(1);
        assertThat(permutation.get(0).get("judgedSource").asString()).isEqualTo("PRIMITIVE");
        assertThat(records("/api/v1/feedback?expert=" + TestDatasets.BOB)).isEmpty();
        assertThat(records("/api/v1/feedback?from=" + LocalDate.now(ZoneOffset.UTC).plusDays(1) + "&expert="
                + TestDatasets.ALICE)).isEmpty();
    }

    @Test
    void aBadFilterIsABadRequestNamingTheParameter() throws Exception {
        String[][] cases = {
            {"/api/v1/transcripts?from=2025-13-45", "from"},
            {"/api/v1/transcripts?to=yesterday", "to"},
            {"/api/v1/transcripts?from=2025-02-01&to=2025-01-01", "to"},
            {"/api/v1/transcripts?verdict=maybe", "verdict"},
            {"/api/v1/feedback?verdict=reject", "verdict"},
            {"/api/v1/feedback?from=31/01/2025", "from"},
            {"/api/v1/transcripts?domain=chess", "domain"},
            {"/api/v1/snapshots?domain=chess", "domain"},
            {"/api/v1/models?domain=chess", "domain"},
            {"/api/v1/transcripts?expert=nobody-at-all", "expert"},
            {"/api/v1/transcripts?limit=abc", "limit"},
            {"/api/v1/snapshots/abc", "id"}};
        for (String[] bad : cases) {
            assertProblem(perform(get(bad[0]), accounts.researcher(), null), 400, bad[1]);
        }
        String snapshot = "/api/v1/snapshots/" + fixture.round().snapshotId() + "/transcripts";
        assertProblem(perform(get(snapshot + "?limit=0"), accounts.researcher(), "application/json"), 400, "limit");
        assertProblem(perform(get(snapshot + "?limit=1001"), accounts.researcher(), "application/json"), 400, "limit");
        assertProblem(perform(get(snapshot + "?cursor=not-a-cursor"), accounts.researcher(), "application/json"), 400,
                "cursor");
        // a cursor of another listing
        JsonNode page = json.readTree(perform(get("/api/v1/transcripts?limit=1"), accounts.researcher(),
                "application/json").getContentAsString());
        assertProblem(perform(get(snapshot + "?cursor=" + page.get("nextCursor").asString()), accounts.researcher(),
                "application/json"), 400, "cursor");
    }

    @Test
    void unknownIdsAreNotFoundProblems() throws Exception {
        for (String path : List.of("/api/v1/snapshots/987654", "/api/v1/snapshots/987654/transcripts",
                "/api/v1/models/987654")) {
            assertProblem(perform(get(path), accounts.researcher(), null), 404, null);
            assertProblem(perform(get(path), accounts.researcher(), "application/json"), 404, null);
        }
    }

    @Test
    void anAcceptNeitherJsonNorJsonLinesIsRefused() throws Exception {
        MockHttpServletResponse response = perform(get("/api/v1/transcripts"), accounts.researcher(), "text/csv");
        assertThat(response.getStatus()).isEqualTo(406);
    }

    @Test
    void anExpertGetsForbiddenAndNoTokenUnauthorizedAsProblems() throws Exception {
        Account expert = accounts.expert();
        for (String route : ROUTES) {
            String path = route.formatted(route.contains("models") ? modelId() : fixture.round().snapshotId());
            MockHttpServletResponse anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertProblem(anonymous, 401, null);
            assertThat(anonymous.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertProblem(perform(get(path), expert, null), 403, null);
            assertProblem(mvc.perform(get(path).with(user(accounts.principal(expert)))).andReturn().getResponse(),
                    403, null);
            assertThat(perform(get(path), accounts.researcher(), null).getStatus()).as(path).isEqualTo(200);
            assertThat(perform(get(path), accounts.admin(), null).getStatus()).as(path).isEqualTo(200);
            assertThat(mvc.perform(get(path).with(user(accounts.principal(accounts.researcher())))).andReturn()
                    .getResponse().getStatus()).as("a signed-in browser: " + path).isEqualTo(200);
        }
    }

    private long modelId() throws Exception {
        JsonNode models = json.readTree(perform(get("/api/v1/models"), accounts.researcher(), null).getContentAsString());
        assertThat(models.size()).isPositive();
        return models.get(0).get("id").asLong();
    }

    private void assertProblem(MockHttpServletResponse response, int status, String field) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.getContentType()).isTrue();
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("detail").asString()).as(body).startsWith(field + ":");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    private List<Long> ids(String path) throws Exception {
        return records(path).stream().map(r -> r.get("transcriptId").asLong()).toList();
    }

    private List<JsonNode> records(String path) throws Exception {
        MockHttpServletResponse response = perform(get(path), accounts.researcher(), null);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        for (String line : response.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Account as, String accept)
            throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accounts.token(as));
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
