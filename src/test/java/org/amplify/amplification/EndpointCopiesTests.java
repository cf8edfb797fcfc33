package org.amplify.amplification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.amplify.ChatCompletionsServer;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.EndpointRegistration;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.SubquestionStatus;
import org.amplify.questions.TestTrees;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The copies of a language model behind a chat-completions endpoint (the real client against
 * {@link ChatCompletionsServer}): answers grouped with their agreement, disagreement to people, the
 * prompt (the tree's system prompt, the subquestion and its passed context, nothing else), and every
 * failure (HTTP 500, slower than the timeout, always 429, an endpoint that is gone) a row that is not
 * pending with a note saying why, never a 500. A context of its own (the property below): its text
 * champion is an endpoint, which the other tests' contexts must not see.
 */
@SpringBootTest(properties = "amplify.amplification.endpoint-threads=24")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class EndpointCopiesTests {

    private static final ChatCompletionsServer SERVER = ChatCompletionsServer.start();
    private static final String TREE_CONTEXT = "Snow mapped the deaths of 1854. The Lambeth company drew its water "
            + "upstream. HIDDEN-FROM-COPIES: the vestry minutes.";
    private static final String PASSED = "Snow mapped the deaths of 1854.";

    @Autowired
    ChatEndpoints endpoints;

    @Autowired
    ModelRegistry registry;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    EndpointCopies copies;

    @Autowired
    AmplificationProperties properties;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void answering() {
        SERVER.latency(Duration.ZERO).answering("OK");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void threeSubquestionsGetTheirCopiesAnswersGroupedAndADisagreeingOneGoesToPeople() throws Exception {
        ModelVersion endpoint = promoted(SERVER.baseUrl(), 5_000);
        Account owner = accounts.expert();
        long ws = textTree(owner);
        long tree = questions.workspace(ws).treeId();
        questions.systemPrompt(tree, "You are a careful epidemiologist. Answer in one sentence.", owner.id());
        Map<String, AtomicInteger> samples = new ConcurrentHashMap<>();
        SERVER.latency(Duration.ofMillis(300)).answering(seen -> {
            int n = samples.computeIfAbsent(seen.user(), u -> new AtomicInteger()).getAndIncrement();
            if (seen.user().contains("Where was the pump")) {
                return List.of("On Broad Street.", "on broad street", "On Broad  Street!").get(n % 3);
            }
            if (seen.user().contains("How many died")) {
                return "616 people.";
            }
            return List.of("Through the water.", "Through the air.", "By miasma.").get(n % 3); // they disagree
        });
        SERVER.resetCounts();
        long callsBefore = copies.calls();

        long pump = work.ask(ws, "Where was the pump?", PASSED, owner.id());
        long died = work.ask(ws, "How many died?", "", owner.id());
        long spread = work.ask(ws, "How does cholera spread?", PASSED, owner.id());

        Subquestion pumpRow = answered(ws, pump);
        Subquestion diedRow = answered(ws, died);
        Subquestion spreadRow = answered(ws, spread);
        for (Subquestion row : List.of(pumpRow, diedRow)) {
            SubAnswer answer = row.latestAnswer();
            assertThat(answer.source()).isEqualTo(AnswerSource.MODEL);
            assertThat(answer.votes()).hasSize(3);
            assertThat(answer.agreement()).as("grouped: case, spaces, final punctuation").isEqualTo(1.0);
            assertThat(answer.agreeing()).isEqualTo(3);
            assertThat(answer.trusted()).isTrue();
            assertThat(answer.modelVersionId()).isEqualTo(endpoint.id());
            assertThat(answer.answeredBy()).isEqualTo("endpoint copies (test-model, text v" + endpoint.version() + ")");
            assertThat(answer.modelCalls()).isEqualTo(3);
            assertThat(answer.tokens()).isPositive();
            assertThat(row.status()).isEqualTo(SubquestionStatus.ANSWERED_BY_MODEL);
        }
        assertThat(pumpRow.answer()).as("the shortest of the group").isEqualTo("on broad street");
        assertThat(diedRow.answer()).isEqualTo("616 people.");
        SubAnswer disagreed = spreadRow.latestAnswer();
        assertThat(disagreed.votes()).containsExactlyInAnyOrder("Through the water.", "Through the air.", "By miasma.");
        assertThat(disagreed.agreement()).isEqualTo(1.0 / 3);
        assertThat(disagreed.voteGroups()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(disagreed.trusted()).isFalse();
        assertThat(disagreed.note()).contains("1 of 3 copies agree");
        assertThat(spreadRow.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
        assertThat(spreadRow.childWorkspaceIds()).hasSize(1);

        List<ChatCompletionsServer.Seen> seen = SERVER.requests();
        assertThat(seen).hasSize(9);
        assertThat(copies.calls() - callsBefore).isEqualTo(9);
        assertThat(SERVER.maxInFlight()).as("the three copies of a subquestion are sent at once")
                .isGreaterThanOrEqualTo(3);
        for (ChatCompletionsServer.Seen request : seen) {
            assertThat(request.system()).isEqualTo("You are a careful epidemiologist. Answer in one sentence.");
            assertThat(request.user()).doesNotContain("HIDDEN-FROM-COPIES").doesNotContain("Lambeth");
        }
        assertThat(seen).filteredOn(r -> r.user().contains("Where was the pump?")).hasSize(3)
                .allSatisfy(r -> assertThat(r.user()).contains(PASSED));
        assertThat(seen).filteredOn(r -> r.user().contains("How many died?")).hasSize(3)
                .allSatisfy(r -> assertThat(r.user()).isEqualTo("Question: How many died?"));

        var stats = questions.tree(tree).stats();
        assertThat(stats.modelCalls()).as("each endpoint call is one model call of the budget").isEqualTo(9);
        assertThat(stats.tokens()).isEqualTo(List.of(pumpRow, diedRow, spreadRow).stream()
                .mapToLong(r -> r.latestAnswer().tokens()).sum()).isPositive();

        String page = page(ws, owner);
        assertThat(page).contains("endpoint copies (test-model, text v" + endpoint.version() + "):")
                .contains("3 of 3 agree").contains("1 of 3 agree");
        String treePage = mvc.perform(get("/trees/" + tree).with(user(accounts.principal(owner))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(treePage).contains("endpoint tokens " + stats.tokens()).contains("careful epidemiologist");
    }

    @Test
    void aTreeWithoutASystemPromptOfItsOwnSendsTheDefaultOne() {
        promoted(SERVER.baseUrl(), 5_000);
        Account owner = accounts.expert();
        long ws = textTree(owner);
        SERVER.resetCounts();

        answered(ws, work.ask(ws, "Who drew the map?", "", owner.id()));

        assertThat(SERVER.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.system()).isEqualTo(questions.settings().defaultSystemPrompt()));
    }

    @Test
    void anEndpointThatFailsWithHttp500LeavesNoRowPendingAndSaysWhyAndNeverShowsTheKey(CapturedOutput output)
            throws Exception {
        String key = "sk-test-endpoint-copies-0123456789";
        SERVER.answering("OK");
        ModelVersion version = endpoints.register(new EndpointRegistration(SERVER.baseUrl(), "keyed-model", key, null,
                0.7, 64, 5_000, null, "a hosted provider"), "admin");
        registry.promote(version.id(), "tests");
        SERVER.failing();
        SERVER.resetCounts();

        String page = failedRowsSay("HTTP error");

        assertThat(SERVER.requests()).hasSize(6).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + key));
        assertThat(output.getAll()).as("the log").contains("failed with an HTTP error").doesNotContain(key);
        assertThat(page).doesNotContain(key).contains("3 of 3 calls to the endpoint (keyed-model, text v"
                + version.version() + ") failed with an HTTP error");
    }

    @Test
    void anEndpointSlowerThanItsTimeoutLeavesNoRowPendingAndSaysWhy() throws Exception {
        promoted(SERVER.baseUrl(), 400);
        SERVER.latency(Duration.ofMillis(1_500));
        failedRowsSay("timed out");
    }

    @Test
    void anEndpointThatIsAlwaysRateLimitedLeavesNoRowPendingAndSaysWhy() throws Exception {
        promoted(SERVER.baseUrl(), 1_000);
        SERVER.alwaysRateLimited(Duration.ofMillis(100));
        failedRowsSay("rate-limited (HTTP 429)");
    }

    @Test
    void anEndpointThatIsGoneLeavesNoRowPendingAndSaysWhy() throws Exception {
        ChatCompletionsServer dying = ChatCompletionsServer.start();
        promoted(dying.baseUrl(), 2_000);
        dying.close();
        failedRowsSay("could not reach the endpoint");
    }

    @Test
    void subquestionsAskedAtOnceDoNotSpendTheSameCallsOfTheTreesBudget() {
        promoted(SERVER.baseUrl(), 5_000);
        SERVER.latency(Duration.ofMillis(500));
        Account owner = accounts.expert();
        long ws = questions.createTree(new NewTree("text", "Did the pump spread cholera?", TREE_CONTEXT, null, null,
                4, null, null, null), owner.id());
        long tree = questions.workspace(ws).treeId();
        SERVER.resetCounts();

        long a = work.ask(ws, "Where was the pump?", "", owner.id());
        long b = work.ask(ws, "Who removed the handle?", "", owner.id());
        List<Subquestion> rows = List.of(answered(ws, a), answered(ws, b));

        assertThat(rows).filteredOn(r -> r.latestAnswer().source() == AnswerSource.MODEL).hasSize(1);
        assertThat(rows).filteredOn(r -> r.latestAnswer().source() == AnswerSource.UNANSWERED).singleElement()
                .satisfies(r -> assertThat(r.latestAnswer().note()).contains("budget of model calls is spent"));
        assertThat(SERVER.requestCount()).isEqualTo(3);
        assertThat(questions.tree(tree).stats().modelCalls()).isEqualTo(3);
    }

    /** Two subquestions asked with the endpoint failing: both rows answered (to people) with the reason, the page 200. */
    private String failedRowsSay(String why) throws Exception {
        Account owner = accounts.expert();
        long ws = textTree(owner);
        long tree = questions.workspace(ws).treeId();
        long a = work.ask(ws, "Where was the pump?", PASSED, owner.id());
        long b = work.ask(ws, "How many died?", "", owner.id());

        for (long id : List.of(a, b)) {
            Subquestion row = answered(ws, id);
            assertThat(row.pending()).as("waiting for a person, not for the copies").isTrue();
            assertThat(row.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
            assertThat(row.latestAnswer().source()).isEqualTo(AnswerSource.UNANSWERED);
            assertThat(row.latestAnswer().note()).contains("3 of 3 calls to the endpoint").contains(why)
                    .contains("a person should answer this");
            assertThat(row.childWorkspaceIds()).hasSize(1);
        }
        assertThat(questions.tree(tree).stats().modelCalls()).as("failed calls are calls").isEqualTo(6);
        String page = page(ws, owner);
        assertThat(page).contains(why).doesNotContain("The copies are answering");
        return page;
    }

    /** The row once it has an answer (its status alone may be read between the answer's statements). */
    private Subquestion answered(long ws, long id) {
        return trees.until(ws, id, s -> s.latestAnswer() != null);
    }

    private ModelVersion promoted(String baseUrl, int timeoutMs) {
        SERVER.answering("OK");
        ModelVersion version = endpoints.register(new EndpointRegistration(baseUrl, "test-model", null, null, 0.7, 64,
                timeoutMs, null, "endpoint copies tests"), "admin");
        return registry.promote(version.id(), "tests");
    }

    private long textTree(Account owner) {
        return questions.createTree(new NewTree("text", "Did the 1854 Broad Street outbreak prove that cholera spreads "
                + "through water?", TREE_CONTEXT, null, null, null, null, null, null), owner.id());
    }

    private String page(long ws, Account account) throws Exception {
        return mvc.perform(get("/workspaces/" + ws).with(user(accounts.principal(account)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
