package org.amplify.distillation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.amplify.ChatCompletionsServer;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.amplify.distillation.CascadeRound;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundRequest;
import org.amplify.distillation.RoundStatus;
import org.amplify.models.ChampionChange;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.EndpointRegistration;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextExample;
import org.amplify.models.TextModel;
import org.amplify.models.TextTraining;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.Transcript;
import org.amplify.questions.Verdict;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cascade end to end, with a language model behind a chat-completions endpoint (the in-test
 * server) as the champion of {@code text}: with no student the endpoint's copies answer; experts accept
 * their answers; a round trains the small model on those transcripts and makes it the student (the
 * champion stays the endpoint); the same subquestion asked again, in a context memory does not know,
 * is answered by the student with no call to the endpoint, and the row says so; a subquestion the
 * student does not know still goes to the endpoint; the Rounds page shows the cascade's numbers.
 */
@SpringBootTest(properties = {"amplify.distillation.epochs=40", "amplify.distillation.auto-promote=false"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CascadeTests {

    static final Duration ANSWERED = Duration.ofSeconds(30);
    static final String ROOT = "Did the 1854 Broad Street cholera outbreak prove that cholera spreads through water?";
    static final String VERDICT = "Yes: the cases clustered around one pump and fell once its handle was removed.";
    /** Subquestions, each with the endpoint's answer. */
    static final String[][] SUBS = {
        {"Where were the cholera cases of 1854 clustered?", "Around the Broad Street pump."},
        {"What happened to the cases after the pump handle was removed?", "They fell."},
        {"Did the workhouse near Broad Street, which had its own well, have many cases?",
            "Very few: it drew its water from its own well."}};
    static final String UNKNOWN = "I cannot tell from this context.";
    static final int TRANSCRIPTS = 6;

    static ChatCompletionsServer server;

    @Autowired
    ChatEndpoints endpoints;

    @Autowired
    ModelRegistry registry;

    @Autowired
    DistillationService distillation;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void startServer() {
        server = ChatCompletionsServer.start().answering(CascadeTests::reply);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** The endpoint's answer: by the subquestion in the prompt's user message. */
    static String reply(ChatCompletionsServer.Seen seen) {
        String user = seen.user() == null ? "" : seen.user();
        for (String[] sub : SUBS) {
            if (user.contains(sub[0])) {
                return sub[1];
            }
        }
        return user.contains("test") || user.isBlank() ? "OK" : UNKNOWN;
    }

    @Test
    @Order(1)
    void afterARoundOnAcceptedEndpointAnswersTheStudentAnswersARepeatedSubquestionWithoutCallingTheEndpoint()
            throws Exception {
        ModelVersion endpoint = endpoints.register(new EndpointRegistration(server.baseUrl(), "llama3.2:1b", null, null,
                0.8, 128, 5000, null, "the in-test chat-completions server"), "test-admin");
        registry.promote(endpoint.id(), "test-admin");
        assertThat(registry.student("text")).isEmpty();
        Account expert = accounts.expert();

        // no student yet: the endpoint's copies answer every subquestion (three samples each); the expert accepts
        List<Long> transcripts = new ArrayList<>();
        for (int t = 0; t < TRANSCRIPTS; t++) {
            String copy = "Snow's notes, copy " + t;
            long ws = questions.createTree(new NewTree("text", ROOT, copy + ": deaths by address, the pump, the "
                    + "workhouse.", null, null, null, null, null, null), expert.id());
            int before = server.requestCount();
            for (String[] sub : SUBS) {
                long id = work.ask(ws, sub[0], copy, expert.id()); // another passed context: memory does not answer
                SubAnswer answer = answered(ws, id);
                assertThat(answer.source()).isEqualTo(AnswerSource.MODEL);
                assertThat(answer.modelVersionId()).isEqualTo(endpoint.id());
                assertThat(answer.answer()).isEqualTo(sub[1]);
                assertThat(answer.trusted()).isTrue();
                work.feedback(id, Verdict.ACCEPT, null, expert.id());
            }
            assertThat(server.requestCount() - before).as("three samples a subquestion").isEqualTo(SUBS.length * 3);
            work.submit(ws, questions.workspace(ws).version(), VERDICT, expert.id());
            transcripts.add(ws);
        }

        // the round: the snapshot holds the accepted endpoint answers; it trains the small model, the student
        List<Transcript> frozen = questions.transcripts(transcripts);
        assertThat(TrainingExamples.of(frozen.get(0), false)).extracting(e -> e.majority())
                .containsExactly(VERDICT, SUBS[0][1], SUBS[1][1], SUBS[2][1]);
        long seed = seedHoldingOutSome(frozen);
        Round round = finish(distillation.start(new RoundRequest("text", false, true, null, seed, false), "test-admin"));
        assertThat(round.status()).as(String.valueOf(round.errorMessage())).isEqualTo(RoundStatus.SUCCEEDED);
        assertThat(round.parentVersionId()).as("trained from the student (none yet), not the endpoint").isNull();
        assertThat(round.promoted()).isTrue();
        assertThat(round.promotionReason()).startsWith("Made the student automatically: first model");
        assertThat(distillation.trainsStudent(round.id())).isTrue();
        ModelVersion student = registry.find(round.modelVersionId()).orElseThrow();
        assertThat(student.kind()).isEqualTo(ModelKind.ROUND);
        assertThat(registry.student("text")).contains(student);
        assertThat(registry.champion("text")).contains(endpoint);
        assertThat(registry.studentHistory("text")).hasSize(1).first()
                .satisfies(change -> assertThat(change.versionId()).isEqualTo(student.id()));
        assertThat(distillation.registeredStudent(round)).isTrue();
        assertThat(distillation.registeredChampion(round)).isFalse();

        // the same subquestion in a new tree whose context memory does not know: the student answers, no call
        int calls = server.requestCount();
        long ws = questions.createTree(new NewTree("text", ROOT, "A later reader's copy of the notes.", null, null,
                null, null, null, null), expert.id());
        long repeated = work.ask(ws, SUBS[1][0], "A later reader's copy", expert.id());
        SubAnswer byStudent = answered(ws, repeated);
        assertThat(byStudent.source()).isEqualTo(AnswerSource.MODEL);
        assertThat(byStudent.modelVersionId()).isEqualTo(student.id());
        assertThat(byStudent.answer()).isEqualTo(SUBS[1][1]);
        assertThat(byStudent.trusted()).isTrue();
        assertThat(byStudent.answeredBy()).isEqualTo("small model (student, text v" + student.version() + ")");
        assertThat(server.requestCount()).as("no endpoint call").isEqualTo(calls);
        mvc.perform(get("/workspaces/" + ws).with(user(accounts.principal(expert)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("small model (student, text v" + student.version() + "):")))
                .andExpect(content().string(containsString(SUBS[1][1])));

        // a subquestion the student does not know: it is unsure, the endpoint's copies answer it
        long novel = work.ask(ws, "Who drew the map of the deaths?", "", expert.id());
        SubAnswer byEndpoint = answered(ws, novel);
        assertThat(byEndpoint.modelVersionId()).isEqualTo(endpoint.id());
        assertThat(byEndpoint.answer()).isEqualTo(UNKNOWN);
        assertThat(server.requestCount()).isEqualTo(calls + 3);

        // the cascade across rounds: before the round, every subquestion by the endpoint; since, half by the student
        List<CascadeRound> cascade = distillation.cascade();
        CascadeRound before = cascade.stream().filter(c -> Long.valueOf(round.id()).equals(c.roundId())).findFirst()
                .orElseThrow();
        assertThat(before.student()).isTrue();
        assertThat(before.subquestions()).isEqualTo(TRANSCRIPTS * SUBS.length);
        assertThat(before.byStudent()).isZero();
        assertThat(before.endpointCalls()).isEqualTo(TRANSCRIPTS * SUBS.length * 3L);
        assertThat(before.accuracy()).isEqualTo(round.metrics().get("accuracy"));
        CascadeRound since = cascade.get(cascade.size() - 1);
        assertThat(since.roundId()).isNull();
        assertThat(since.subquestions()).isEqualTo(2);
        assertThat(since.byStudent()).isEqualTo(1);
        assertThat(since.studentShare()).isEqualTo(0.5);
        assertThat(since.endpointCalls()).isEqualTo(3);
        assertThat(since.endpointCalls()).isLessThan(before.endpointCalls());
        mvc.perform(get("/rounds").with(user(accounts.principal(accounts.admin())))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cascade-chart\"")))
                .andExpect(content().string(containsString("<td class=\"endpoint-calls\">"
                        + before.endpointCalls() + "</td>")))
                .andExpect(content().string(containsString("1 (50%)")))
                .andExpect(content().string(containsString("since the last round")))
                .andExpect(content().string(containsString("a round of text trains the small model of the cascade")));
        mvc.perform(get("/rounds/" + round.id()).with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"round-student\"")))
                .andExpect(content().string(containsString(round.promotionReason())));
    }

    /**
     * The student alias: made and rolled back like the champion, each change in its history, never an
     * endpoint, and never moving the champion.
     */
    @Test
    @Order(2)
    void theStudentAliasKeepsItsHistoryNeverMovesTheChampionAndRefusesAnEndpoint() {
        ModelVersion endpoint = endpoints.register(new EndpointRegistration(server.baseUrl(), "llama3.2:1b", null, null,
                0.8, 128, 5000, null, null), "test-admin");
        registry.promote(endpoint.id(), "test-admin");
        List<TextExample> examples = List.of(TextExample.of(SUBS[0][0], SUBS[0][1]), TextExample.of(SUBS[1][0],
                SUBS[1][1]));
        ModelVersion first;
        ModelVersion second;
        try (TextModel a = TextModel.train(examples, null, TextTraining.defaults().withEpochs(1), 1, null, null);
                TextModel b = TextModel.train(examples, null, TextTraining.defaults().withEpochs(1), 2, null, null)) {
            first = registry.register(a, ModelKind.ROUND, null, java.util.Map.of());
            second = registry.register(b, ModelKind.ROUND, first.id(), java.util.Map.of());
        }
        int before = registry.studentHistory("text").size();
        registry.promoteStudent(first.id(), "admin-a");
        registry.promoteStudent(second.id(), "admin-b");
        registry.promoteStudent(second.id(), "admin-b"); // the student already: nothing changes
        registry.promoteStudent(first.id(), "admin-c"); // a roll back
        assertThat(registry.student("text")).contains(first);
        assertThat(registry.champion("text")).contains(endpoint);
        List<ChampionChange> history = registry.studentHistory("text");
        assertThat(history).hasSize(before + 3);
        assertThat(history.subList(0, 3)).extracting(ChampionChange::versionId, ChampionChange::previousVersionId,
                ChampionChange::setBy).containsExactly(tuple(first.id(), second.id(), "admin-c"),
                tuple(second.id(), first.id(), "admin-b"), tuple(first.id(), history.get(2).previousVersionId(),
                        "admin-a"));
        assertThat(registry.championHistory("text")).extracting(ChampionChange::versionId).doesNotContain(first.id(),
                second.id());
        assertThatThrownBy(() -> registry.promoteStudent(endpoint.id(), "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is an endpoint");
        assertThat(registry.student("text")).contains(first);
    }

    /** A seed whose split holds out at least one of the transcripts and trains on the others. */
    long seedHoldingOutSome(List<Transcript> transcripts) {
        double share = distillation.settings().heldOutShare();
        for (long seed = 1; ; seed++) {
            long finalSeed = seed;
            long held = transcripts.stream().filter(t -> TrainingExamples.isHeldOut(t, share, finalSeed)).count();
            if (held >= 1 && held < transcripts.size()) {
                return seed;
            }
        }
    }

    private Round finish(Round started) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> distillation.get(started.id()).status().finished());
        return distillation.get(started.id());
    }

    private SubAnswer answered(long ws, long sub) {
        await().atMost(ANSWERED).until(() -> latest(ws, sub) != null);
        return latest(ws, sub);
    }

    private SubAnswer latest(long ws, long sub) {
        return questions.workspace(ws).subquestions().stream().filter(s -> s.id() == sub).findFirst()
                .map(Subquestion::latestAnswer).orElse(null);
    }
}
