package org.amplify.distillation;

import java.time.Duration;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rounds over the API and the page: bad input is a 400 naming the field, a second round of a domain a
 * 409 naming the first, an unknown id a 404; a cancel through the API or the page stops a training
 * round within 5 seconds and it registers nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoundApiTests {

    private static final Duration CANCEL_LIMIT = Duration.ofSeconds(5);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    DistillationService distillation;

    @Autowired
    JsonMapper json;

    @Test
    void aCancelThroughTheApiOrThePageStopsATrainingRoundWithinFiveSeconds() throws Exception {
        transcripts(20);
        String token = accounts.token(accounts.admin());

        mvc.perform(post("/api/v1/rounds").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"domain\": \"cooking\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("domain"));
        mvc.perform(post("/api/v1/rounds").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"domain\": \"text\", \"epochs\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("epochs"));
        mvc.perform(get("/api/v1/rounds/999999").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound());

        // through the API
        long first = start(token);
        mvc.perform(post("/api/v1/rounds").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"domain\": \"text\", \"allTranscripts\": true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Round #" + first)));
        training(first);
        long asked = System.nanoTime();
        mvc.perform(post("/api/v1/rounds/" + first + "/cancel").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
        await().atMost(CANCEL_LIMIT).until(() -> distillation.get(first).status().finished());
        System.out.printf("round cancelled through the API in %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertThat(distillation.get(first).status()).isEqualTo(RoundStatus.CANCELLED);
        assertThat(distillation.get(first).modelVersionId()).isNull();
        mvc.perform(post("/api/v1/rounds/" + first + "/cancel").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isConflict());

        // through the page
        long second = start(token);
        training(second);
        mvc.perform(post("/rounds/" + second + "/cancel").with(csrf())
                .with(user(accounts.principal(accounts.admin())))).andExpect(status().is3xxRedirection());
        await().atMost(CANCEL_LIMIT).until(() -> distillation.get(second).status().finished());
        assertThat(distillation.get(second).status()).isEqualTo(RoundStatus.CANCELLED);
        String page = mvc.perform(get("/rounds/" + second).with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("CANCELLED").doesNotContain("id=\"cancel\"");
    }

    private long start(String token) throws Exception {
        String body = mvc.perform(post("/api/v1/rounds").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"domain\": \"text\", \"allTranscripts\": true, \"epochs\": 500}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode round = json.readTree(body);
        assertThat(round.get("status").asString()).isEqualTo("QUEUED");
        return round.get("id").asLong();
    }

    private void training(long id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Round round = distillation.get(id);
            return round.phase() == RoundPhase.TRAIN && round.step() > 0;
        });
    }

    private void transcripts(int count) {
        Account expert = accounts.expert();
        for (int i = 0; i < count; i++) {
            long ws = questions.createTree(new NewTree("text", "Is " + i + " even?", "", null, null, null, null, null,
                    null), expert.id());
            work.submit(ws, questions.workspace(ws).version(), i % 2 == 0 ? "yes" : "no", expert.id());
        }
    }
}
