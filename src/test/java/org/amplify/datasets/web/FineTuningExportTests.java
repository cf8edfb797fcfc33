package org.amplify.datasets.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.amplify.amplification.TestSuggestions;
import org.amplify.datasets.TestDatasets;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundRejectedException;
import org.amplify.distillation.RoundRequest;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextExample;
import org.amplify.models.TextModel;
import org.amplify.models.TextTraining;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.CopyPrompt;
import org.amplify.questions.QuestionsProperties;
import org.amplify.questions.Feedback;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.SubquestionStatus;
import org.amplify.questions.TestTrees;
import org.amplify.questions.Transcript;
import org.amplify.questions.Verdict;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The fine-tuning exports of a snapshot ({@code /chat}, {@code /preferences}) on transcripts made
 * through the real services: a text tree with its own system prompt whose subquestions the copies of
 * a promoted text model answered (one corrected, one accepted, one nobody judged, one answered by a
 * person in a workspace of its own), and a tree without one; taken into a snapshot by a real round.
 * Every line parses as JSON with exactly the documented fields, says what the questions module's own
 * transcripts say by the rule a round trains by, and a second export gives the same bytes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FineTuningExportTests {

    static final String PROMPT = "You are a careful geographer. Answer from the context only.";
    static final String DOCUMENT = "France is a country in Europe.\nIts capital is Paris, on the Seine.\n"
            + "The sky is blue by day.\nHidden from the copies: the Louvre is a museum.";
    static final String PASSED = "Its capital is Paris, on the Seine.";
    static final String CORRECTION = "Paris, on the Seine";

    /** What the test made: the trees' root workspaces and subquestions, and the round of their snapshot. */
    record Made(long root, long plain, long corrected, long accepted, long unjudged, long byPerson, long child,
            Round round) {}

    private static Made made;
    private static Round permutationRound;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    TestDatasets datasets;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    DistillationService distillation;

    @Autowired
    ModelRegistry registry;

    @Autowired
    TestSuggestions suggestions;

    @Autowired
    QuestionsProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void transcripts() {
        made = made();
    }

    @Test
    void theChatExportHasOneConversationPerAcceptedStepWithTheTreesPromptAndThePassedContext() throws Exception {
        String path = "/api/v1/snapshots/" + made.round().snapshotId() + "/chat";
        MockHttpServletResponse response = export(path);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(
                MediaType.parseMediaType("application/x-ndjson"))).isTrue();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"snapshot-" + made.round().snapshotId() + "-chat.jsonl\"");
        List<JsonNode> lines = lines(response);
        for (JsonNode line : lines) {
            assertThat(DatasetExportTests.names(line)).containsExactly("messages");
            assertThat(line.get("messages").size()).isEqualTo(3);
            List<String> roles = new ArrayList<>();
            line.get("messages").forEach(m -> {
                assertThat(DatasetExportTests.names(m)).containsExactly("role", "content");
                assertThat(m.get("content").isString()).isTrue();
                roles.add(m.get("role").asString());
            });
            assertThat(roles).containsExactly("system", "user", "assistant");
        }
        assertThat(lines.stream().map(this::contents).toList()).isEqualTo(expectedChat(made.round()));

        // the tree's own prompt; the root question with its whole document, the final answer
        Subquestion corrected = sub(made.root(), made.corrected());
        Subquestion accepted = sub(made.root(), made.accepted());
        Subquestion byPerson = sub(made.root(), made.byPerson());
        int root = indexOf(lines, List.of(PROMPT,
                CopyPrompt.userMessage("What is the capital of France, and what colour is the sky?", DOCUMENT),
                "Paris; blue"));
        // then its subquestions in the order asked: only the passed context, never the rest of the document
        int first = indexOf(lines, List.of(PROMPT, CopyPrompt.userMessage("what is the capital of france", PASSED),
                CORRECTION));
        int second = indexOf(lines, List.of(PROMPT,
                CopyPrompt.userMessage("what colour is the sky", "The sky is blue by day."),
                accepted.latestAnswer().answer()));
        List<String> personStep = List.of(PROMPT, CopyPrompt.userMessage("what is the chemical formula of water", null),
                "H2O, by a person");
        int fourth = indexOf(lines, personStep, second);
        assertThat(corrected.status()).isEqualTo(SubquestionStatus.CORRECTED);
        assertThat(byPerson.status()).isEqualTo(SubquestionStatus.ANSWERED_BY_PERSON);
        assertThat(List.of(root + 1, root + 2, root + 3)).containsExactly(first, second, fourth);
        assertThat(lines.subList(first, fourth + 1)).allSatisfy(l -> assertThat(l.toString()).doesNotContain("Louvre"));
        // the subquestion nobody judged has no line; the person's own workspace is a transcript too
        assertThat(lines).noneSatisfy(l -> assertThat(contents(l).get(1)).startsWith("how did the pump handle"));
        assertThat(lines.stream().filter(l -> contents(l).equals(personStep))).hasSize(2);
        // the tree without a prompt of its own gets the default
        indexOf(lines, List.of(properties.defaultSystemPrompt(),
                CopyPrompt.userMessage("Is water wet?", "Water is a liquid."),
                "yes"));

        assertThat(export(path).getContentAsByteArray()).isEqualTo(response.getContentAsByteArray());
    }

    @Test
    void thePreferencePairsHoldTheCorrectionAsChosenAndTheModelsAnswerAsRejected() throws Exception {
        String path = "/api/v1/snapshots/" + made.round().snapshotId() + "/preferences";
        MockHttpServletResponse response = export(path);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(
                MediaType.parseMediaType("application/x-ndjson"))).isTrue();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("-preferences.jsonl");
        List<JsonNode> lines = lines(response);
        for (JsonNode line : lines) {
            checkedPair(line);
        }
        assertThat(lines.stream().map(this::pair).toList()).isEqualTo(expectedPairs(made.round()));

        SubAnswer judged = sub(made.root(), made.corrected()).latestAnswer();
        assertThat(judged.source()).isIn(AnswerSource.MODEL, AnswerSource.MEMORY);
        List<List<String>> ours = lines.stream().map(this::pair)
                .filter(p -> p.get(1).endsWith("Question: what is the capital of france")).toList();
        assertThat(ours).containsExactly(List.of(PROMPT,
                CopyPrompt.userMessage("what is the capital of france", PASSED),
                CORRECTION, judged.answer()));
        assertThat(export(path).getContentAsByteArray()).isEqualTo(response.getContentAsByteArray());
    }

    @Test
    void anAlgorithmicSnapshotGivesItsStepsInTokenNotationWithTheirFacts() throws Exception {
        Round round = permutationRound();
        List<JsonNode> chat = lines(export("/api/v1/snapshots/" + round.snapshotId() + "/chat"));
        assertThat(chat.stream().map(this::contents).toList()).isEqualTo(expectedChat(round));
        long power = datasets.fixture().permutationTranscripts().get(0);
        Transcript transcript = questions.transcripts(List.of(power)).get(0);
        assertThat(transcript.context()).isNotBlank();
        String facts = transcript.context();
        String name = trees.firstName();
        // the final answer, the accepted primitive and the corrected one; the expanded one has no answer
        String system = properties.defaultSystemPrompt();
        indexOf(chat, List.of(system, CopyPrompt.userMessage(transcript.question(), facts), transcript.answer()));
        indexOf(chat, List.of(system, CopyPrompt.userMessage(name + " 0 0 0 0 0 1", facts),
                transcript.subquestions().get(0).answer()));
        indexOf(chat, List.of(system, CopyPrompt.userMessage(name + " 0 0 0 0 1 0", facts), trees.contextNames()[1]));

        List<JsonNode> pairs = lines(export("/api/v1/snapshots/" + round.snapshotId() + "/preferences"));
        pairs.forEach(this::checkedPair);
        assertThat(pairs.stream().map(this::pair).toList()).isEqualTo(expectedPairs(round));
    }

    @Test
    void anUnknownSnapshotIsA404ProblemDetail() throws Exception {
        for (String export : List.of("chat", "preferences")) {
            MockHttpServletResponse response = export("/api/v1/snapshots/987654321/" + export);
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("detail").asString()).contains("987654321");
        }
    }

    // --- what the questions module says, by the rule a round trains by --------------------------------

    /** Every line the chat export should hold: [system, user, assistant] each, in the snapshot's order. */
    private List<List<String>> expectedChat(Round round) {
        List<List<String>> expected = new ArrayList<>();
        for (Transcript t : transcripts(round)) {
            String system = systemPrompt(t.treeId());
            if (present(t.answer())) {
                expected.add(List.of(system, user(t.question(), t.context()), t.answer()));
            }
            for (Subquestion s : t.subquestions()) {
                Feedback verdict = standing(s);
                SubAnswer person = s.answers().stream().filter(a -> a.source() == AnswerSource.PERSON)
                        .reduce((a, b) -> b).orElse(null);
                String answer = null;
                if (verdict != null && verdict.verdict() == Verdict.CORRECT) {
                    answer = verdict.correctedAnswer();
                } else if (person != null) {
                    answer = person.answer();
                } else if (verdict != null && verdict.verdict() == Verdict.ACCEPT && s.latestAnswer() != null) {
                    answer = s.latestAnswer().answer();
                }
                if (present(answer)) {
                    expected.add(List.of(system, user(s.text(), context(t, s)), answer));
                }
            }
        }
        return expected;
    }

    /** Every line the preference export should hold: [system, user, chosen, rejected] each. */
    private List<List<String>> expectedPairs(Round round) {
        List<List<String>> expected = new ArrayList<>();
        for (Transcript t : transcripts(round)) {
            for (Subquestion s : t.subquestions()) {
                Feedback verdict = standing(s);
                if (verdict == null || verdict.verdict() != Verdict.CORRECT) {
                    continue;
                }
                Long judgedId = jdbc.queryForObject("SELECT sub_answer_id FROM feedback WHERE id = ?", Long.class,
                        verdict.id());
                SubAnswer judged = s.answers().stream().filter(a -> judgedId != null && a.id() == judgedId)
                        .findFirst().orElse(null);
                if (judged != null && (judged.source() == AnswerSource.MODEL
                        || (judged.source() == AnswerSource.MEMORY && judged.modelVersionId() != null))
                        && present(judged.answer()) && present(verdict.correctedAnswer())
                        && !judged.answer().strip().equals(verdict.correctedAnswer().strip())) {
                    expected.add(List.of(systemPrompt(t.treeId()), user(s.text(), context(t, s)),
                            verdict.correctedAnswer(), judged.answer()));
                }
            }
        }
        return expected;
    }

    private List<Transcript> transcripts(Round round) {
        List<Long> ids = distillation.snapshotTranscripts(round.id());
        Map<Long, Transcript> byId = new HashMap<>();
        questions.transcripts(ids).forEach(t -> byId.put(t.workspaceId(), t));
        return ids.stream().map(byId::get).toList();
    }

    /** The newest verdict that is not an expand, or null. */
    private static Feedback standing(Subquestion s) {
        return s.feedback().stream().filter(f -> f.verdict() != Verdict.EXPAND).reduce((a, b) -> b).orElse(null);
    }

    private static String context(Transcript t, Subquestion s) {
        return t.domain().equals("text") ? s.passedContext() : t.context();
    }

    private static String user(String question, String context) {
        return CopyPrompt.userMessage(question, context); // the endpoint copies' format (their own code)
    }

    private String systemPrompt(long treeId) {
        String own = jdbc.queryForObject("SELECT system_prompt FROM trees WHERE id = ?", String.class, treeId);
        return present(own) ? own : properties.defaultSystemPrompt();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    // --- reading the exports ---------------------------------------------------------------------------

    private List<String> contents(JsonNode line) {
        List<String> contents = new ArrayList<>();
        line.get("messages").forEach(m -> contents.add(m.get("content").asString()));
        return contents;
    }

    /** A pair's line as [system, user, chosen, rejected]. */
    private List<String> pair(JsonNode line) {
        return List.of(line.get("prompt").get(0).get("content").asString(),
                line.get("prompt").get(1).get("content").asString(),
                line.get("chosen").get(0).get("content").asString(),
                line.get("rejected").get(0).get("content").asString());
    }

    /** TRL's conversational preference form: a system and a user message, then one assistant message each. */
    private void checkedPair(JsonNode line) {
        assertThat(DatasetExportTests.names(line)).containsExactly("prompt", "chosen", "rejected");
        assertThat(line.get("prompt").size()).isEqualTo(2);
        assertThat(line.get("prompt").get(0).get("role").asString()).isEqualTo("system");
        assertThat(line.get("prompt").get(1).get("role").asString()).isEqualTo("user");
        for (String side : List.of("chosen", "rejected")) {
            assertThat(line.get(side).size()).isEqualTo(1);
            assertThat(DatasetExportTests.names(line.get(side).get(0))).containsExactly("role", "content");
            assertThat(line.get(side).get(0).get("role").asString()).isEqualTo("assistant");
        }
        assertThat(line.get("chosen").get(0).get("content").asString())
                .isNotEqualTo(line.get("rejected").get(0).get("content").asString());
    }

    private int indexOf(List<JsonNode> lines, List<String> contents) {
        return indexOf(lines, contents, 0);
    }

    private int indexOf(List<JsonNode> lines, List<String> contents, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (contents(lines.get(i)).equals(contents)) {
                return i;
            }
        }
        throw new AssertionError("no line " + contents + " among " + lines.size());
    }

    private Subquestion sub(long workspace, long subquestion) {
        return questions.transcripts(List.of(workspace)).get(0).subquestions().stream()
                .filter(s -> s.id() == subquestion).findFirst().orElseThrow();
    }

    private List<JsonNode> lines(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> records = new ArrayList<>();
        if (body.isEmpty()) {
            return records;
        }
        assertThat(body).endsWith("\n");
        for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
            JsonNode record = json.readTree(line);
            assertThat(record.isObject()).as(line).isTrue();
            records.add(record);
        }
        return records;
    }

    private MockHttpServletResponse export(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + accounts.token(accounts.researcher())))
                .andReturn().getResponse();
    }

    // --- the transcripts -------------------------------------------------------------------------------

    private synchronized Made made() {
        if (made != null) {
            return made;
        }
        Account alice = accounts.user("finetune-alice", Role.EXPERT);
        Account bob = accounts.user("finetune-bob", Role.EXPERT);
        textCopies();
        long root = questions.createTree(new NewTree("text", "What is the capital of France, and what colour is the sky?",
                DOCUMENT, null, null, null, null, null, null), alice.id());
        jdbc.update("UPDATE trees SET system_prompt = ? WHERE id = ?", PROMPT, questions.workspace(root).treeId());

        long corrected = work.ask(root, "what is the capital of france", PASSED, alice.id());
        long accepted = work.ask(root, "what colour is the sky", "The sky is blue by day.", alice.id());
        long unjudged = work.ask(root, "how did the pump handle get removed", "", alice.id());
        long byPerson = work.ask(root, "what is the chemical formula of water", "", alice.id());
        trees.answered(root, corrected);
        work.feedback(corrected, Verdict.CORRECT, CORRECTION, alice.id());
        assertThat(trees.answered(root, accepted).latestAnswer().answer()).isNotBlank();
        work.feedback(accepted, Verdict.ACCEPT, null, alice.id());
        trees.answered(root, unjudged);
        if (trees.answered(root, byPerson).childQuestionId() == null) {
            work.feedback(byPerson, Verdict.EXPAND, null, alice.id());
        }
        long child = trees.until(root, byPerson, s -> !s.childWorkspaceIds().isEmpty()).childWorkspaceIds().get(0);
        work.submit(child, questions.workspace(child).version(), "H2O, by a person", bob.id());
        trees.until(root, byPerson, s -> s.status() == SubquestionStatus.ANSWERED_BY_PERSON);
        work.submit(root, questions.workspace(root).version(), "Paris; blue", alice.id());

        long plain = questions.createTree(new NewTree("text", "Is water wet?", "Water is a liquid.", null, null, null,
                null, null, null), bob.id());
        work.submit(plain, questions.workspace(plain).version(), "yes", bob.id());
        return new Made(root, plain, corrected, accepted, unjudged, byPerson, child, round("text"));
    }

    /** The text champion's copies answer: the small text model the amplification tests promote, or one like it. */
    private void textCopies() {
        if (suggestions.promotedTextModel().kind() != ModelKind.ENDPOINT) {
            return;
        }
        List<TextExample> examples = List.of(TextExample.of("what is the capital of france", "lyon"),
                TextExample.of("capital city of france?", "lyon"), TextExample.of("what colour is the sky", "blue"),
                TextExample.of("the colour of the sky?", "blue"), TextExample.of("formula for water?", "h2o"));
        try (TextModel model = TextModel.train(examples, null, TextTraining.defaults(), 13, null, null)) {
            ModelVersion version = registry.register(model, ModelKind.ROUND, null, Map.of("note", "fine-tuning exports"));
            registry.promote(version.id(), "tests");
        }
    }

    private synchronized Round permutationRound() {
        datasets.fixture();
        if (permutationRound == null) {
            permutationRound = round("permutation-powering");
        }
        return permutationRound;
    }

    /** A real round (one epoch, never promoted) over every completed transcript of the domain. */
    private Round round(String domain) {
        Round[] started = new Round[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                started[0] = distillation.start(new RoundRequest(domain, true, false, 1, 7L, false), "datasets-tests");
                return true;
            } catch (RoundRejectedException e) {
                return false; // another test's round of the domain is still running
            }
        });
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                .until(() -> distillation.get(started[0].id()).status().finished());
        return distillation.get(started[0].id());
    }
}
