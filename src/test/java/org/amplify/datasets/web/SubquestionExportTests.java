package org.amplify.datasets.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.TestAccounts;
import org.amplify.datasets.TestDatasets;
import org.amplify.datasets.TestDatasets.Fixture;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundRequest;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.Feedback;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.amplify.datasets.web.DatasetExportTests.names;
import static org.amplify.datasets.web.DatasetExportTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The flat export of a snapshot ({@code /snapshots/{id}/subquestions}) on transcripts made through
 * the real services: one row per subquestion of the snapshot's transcripts, in the snapshot's order,
 * with exactly the documented columns, each saying what the questions module's own view of the
 * transcript says; the CSV holds the same rows, the pages the same records. Two snapshots: the text
 * one of the fixture (a correction, a person's answer) and one of permutation powering taken here
 * (answers from the context and from the copies, with their votes; accept, correct, expand).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubquestionExportTests {

    /** The documented columns, in their order (README, "The flat export"). */
    static final List<String> COLUMNS = List.of("snapshot_id", "transcript_position", "tree_id", "question_id",
            "workspace_id", "domain", "depth", "question", "subquestion_id", "position", "subquestion",
            "passed_context", "status", "answer", "answer_source", "model_answer", "agreement", "trusted",
            "model_version_id", "person_answer", "feedback_verdict", "corrected_answer", "child_question_id",
            "final_answer", "expert", "asked_at", "answered_at", "feedback_at", "submitted_at");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static Round permutationRound;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDatasets datasets;

    @Autowired
    DistillationService distillation;

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
    void theTextSnapshotHasOneRowPerSubquestionWithWhatTheQuestionsModuleSays() throws Exception {
        List<JsonNode> rows = checkedRows(fixture.round());
        // the fixture asked one subquestion in each of its first two text trees, the third asked none
        long fixtureRows = rows.stream().filter(r -> fixture.textTranscripts().contains(r.get("workspace_id").asLong()))
                .count();
        assertThat(fixtureRows).isEqualTo(2);
        JsonNode two = rows.stream().filter(r -> r.get("subquestion").asString().equals("What is two?")
                && fixture.aliceTranscripts().contains(r.get("workspace_id").asLong())).findFirst().orElseThrow();
        assertThat(two.get("status").asString()).isEqualTo("CORRECTED");
        assertThat(two.get("feedback_verdict").asString()).isEqualTo("CORRECT");
        assertThat(two.get("corrected_answer").asString()).isEqualTo("2");
        assertThat(two.get("answer").asString()).isEqualTo("2");
        assertThat(two.get("answered_at").asString()).isEqualTo(two.get("feedback_at").asString());
        assertThat(two.get("final_answer").asString()).isEqualTo("4\n(two plus two)");
        assertThat(two.get("question").asString()).isEqualTo("What is \"two plus two\"?");
        assertThat(two.get("expert").asString()).isEqualTo(TestDatasets.ALICE);
    }

    @Test
    void aPermutationSnapshotHasTheCopiesAnswersAndEveryKindOfVerdict() throws Exception {
        List<JsonNode> rows = checkedRows(permutationRound());
        List<JsonNode> ofFixture = rows.stream()
                .filter(r -> fixture.permutationTranscripts().contains(r.get("workspace_id").asLong())).toList();
        assertThat(ofFixture).hasSize(3);
        assertThat(ofFixture.stream().map(r -> r.get("position").asInt()).toList()).containsExactly(1, 2, 3);
        assertThat(ofFixture.get(0).get("answer_source").asString()).isEqualTo("PRIMITIVE");
        assertThat(ofFixture.stream().map(r -> text(r.get("feedback_verdict"))).toList())
                .startsWith("ACCEPT", "CORRECT");
        assertThat(ofFixture.get(1).get("status").asString()).isEqualTo("CORRECTED");
        List<JsonNode> model = rows.stream().filter(r -> "MODEL".equals(text(r.get("answer_source")))).toList();
        assertThat(model).as("rows answered by the copies").isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("agreement").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("model_version_id").isNull()).isFalse();
            assertThat(r.get("trusted").isBoolean()).isTrue();
        });
    }

    @Test
    void theCsvHoldsTheSameRowsAsTheLines() throws Exception {
        String path = "/api/v1/snapshots/" + fixture.round().snapshotId() + "/subquestions";
        List<JsonNode> lines = lines(export(path, null));
        MockHttpServletResponse response = export(path + "?format=csv", null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        List<List<String>> csv = Csv.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(csv.get(0)).isEqualTo(COLUMNS);
        assertThat(csv).hasSize(lines.size() + 1);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            List<String> row = csv.get(i + 1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                JsonNode value = line.get(COLUMNS.get(c));
                String expected = value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
                assertThat(row.get(c)).as(COLUMNS.get(c) + " of row " + i).isEqualTo(expected);
            }
        }
        assertThat(export(path + "?format=CSV", null).getContentAsByteArray())
                .isEqualTo(response.getContentAsByteArray());
        assertThat(export(path + "?format=csv", MediaType.APPLICATION_JSON_VALUE).getContentAsByteArray())
                .isEqualTo(response.getContentAsByteArray());
    }

    @Test
    void thePagesHoldTheSameRecordsAsTheLinesAndBadRequestsAreRefused() throws Exception {
        String path = "/api/v1/snapshots/" + permutationRound().snapshotId() + "/subquestions";
        List<JsonNode> lines = lines(export(path, null));
        assertThat(lines).hasSizeGreaterThan(1);
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletResponse response = export(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    MediaType.APPLICATION_JSON_VALUE);
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode page = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            page.get("items").forEach(paged::add);
            cursor = text(page.get("nextCursor"));
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(paged).isEqualTo(lines);
        assertThat(pages).isEqualTo((lines.size() + 1) / 2);
        assertThat(export(path, null).getContentAsByteArray()).isEqualTo(export(path, null).getContentAsByteArray());

        // a cursor of the nested export is not one of this listing
        String nested = text(json.readTree(export("/api/v1/snapshots/" + fixture.round().snapshotId()
                + "/transcripts?limit=1", MediaType.APPLICATION_JSON_VALUE).getContentAsString()).get("nextCursor"));
        assertThat(nested).isNotNull();
        assertThat(export(path + "?cursor=" + nested, MediaType.APPLICATION_JSON_VALUE).getStatus()).isEqualTo(400);
        MockHttpServletResponse format = export(path + "?format=xml", null);
        assertThat(format.getStatus()).isEqualTo(400);
        assertThat(format.getContentAsString()).contains("\"field\":\"format\"");
        assertThat(export("/api/v1/snapshots/987654321/subquestions", null).getStatus()).isEqualTo(404);
        assertThat(export("/api/v1/snapshots/987654321/subquestions?format=csv", null).getStatus()).isEqualTo(404);
    }

    /**
     * The snapshot's rows, checked: one per subquestion of its transcripts (as submitted), in the
     * snapshot's order and then the order asked, each with the documented columns and what the
     * questions module says of the subquestion.
     */
    private List<JsonNode> checkedRows(Round round) throws Exception {
        MockHttpServletResponse response = export("/api/v1/snapshots/" + round.snapshotId() + "/subquestions", null);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(
                MediaType.parseMediaType("application/x-ndjson"))).isTrue();
        List<JsonNode> rows = lines(response);
        List<Long> ids = distillation.snapshotTranscripts(round.id());
        Map<Long, Transcript> transcripts = new HashMap<>();
        questions.transcripts(ids).forEach(t -> transcripts.put(t.workspaceId(), t));
        List<Subquestion> expected = new ArrayList<>();
        List<Transcript> of = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (Subquestion s : transcripts.get(ids.get(i)).subquestions()) {
                expected.add(s);
                of.add(transcripts.get(ids.get(i)));
                positions.add(i); // snapshot positions count from 0
            }
        }
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Subquestion s = expected.get(i);
            Transcript t = of.get(i);
            assertThat(names(row)).isEqualTo(COLUMNS);
            assertThat(row.get("snapshot_id").asLong()).isEqualTo(round.snapshotId());
            assertThat(row.get("transcript_position").asInt()).isEqualTo(positions.get(i));
            assertThat(row.get("tree_id").asLong()).isEqualTo(t.treeId());
            assertThat(row.get("question_id").asLong()).isEqualTo(t.questionId());
            assertThat(row.get("workspace_id").asLong()).isEqualTo(t.workspaceId());
            assertThat(row.get("domain").asString()).isEqualTo(t.domain());
            assertThat(row.get("question").asString()).isEqualTo(t.question());
            assertThat(row.get("final_answer").asString()).isEqualTo(t.answer());
            assertThat(row.get("expert").asString()).isEqualTo(t.expertName());
            assertThat(row.get("submitted_at").asString()).isEqualTo(UTC.format(t.submittedAt()));
            assertThat(row.get("subquestion_id").asLong()).isEqualTo(s.id());
            assertThat(row.get("position").asInt()).isEqualTo(s.position());
            assertThat(row.get("subquestion").asString()).isEqualTo(s.text());
            assertThat(row.get("passed_context").asString()).isEqualTo(s.passedContext());
            assertThat(row.get("status").asString()).as("status of " + s.text()).isEqualTo(s.status().name());
            assertThat(text(row.get("answer"))).isEqualTo(s.answer());
            assertThat(row.get("asked_at").asString()).isEqualTo(UTC.format(s.createdAt()));
            assertThat(row.get("child_question_id").isNull() ? null : row.get("child_question_id").asLong())
                    .isEqualTo(s.childQuestionId());

            SubAnswer own = newest(s.answers().stream().filter(a -> a.source() != AnswerSource.PERSON).toList());
            SubAnswer person = newest(s.answers().stream().filter(a -> a.source() == AnswerSource.PERSON).toList());
            assertThat(text(row.get("answer_source"))).isEqualTo(own == null ? null : own.source().name());
            assertThat(text(row.get("model_answer"))).isEqualTo(own == null ? null : own.answer());
            assertThat(row.get("agreement").isNull() ? null : row.get("agreement").asDouble())
                    .isEqualTo(own == null ? null : own.agreement());
            assertThat(row.get("trusted").isNull() ? null : row.get("trusted").asBoolean())
                    .isEqualTo(own == null ? null : own.trusted());
            assertThat(row.get("model_version_id").isNull() ? null : row.get("model_version_id").asLong())
                    .isEqualTo(own == null ? null : own.modelVersionId());
            assertThat(text(row.get("person_answer"))).isEqualTo(person == null ? null : person.answer());

            Feedback last = newest(s.feedback());
            Feedback judged = newest(s.feedback().stream().filter(f -> f.verdict() != Verdict.EXPAND).toList());
            assertThat(text(row.get("feedback_verdict"))).isEqualTo(last == null ? null : last.verdict().name());
            assertThat(text(row.get("feedback_at"))).isEqualTo(last == null ? null : UTC.format(last.createdAt()));
            assertThat(text(row.get("corrected_answer"))).isEqualTo(judged == null ? null : judged.correctedAnswer());
            Instant answered = switch (s.status()) {
                case CORRECTED -> judged.createdAt();
                case ANSWERED_BY_PERSON -> person.createdAt();
                case ANSWERED_BY_MODEL -> own.createdAt();
                default -> null;
            };
            assertThat(text(row.get("answered_at"))).isEqualTo(answered == null ? null : UTC.format(answered));
        }
        return rows;
    }

    private static <T> T newest(List<T> oldestFirst) {
        return oldestFirst.isEmpty() ? null : oldestFirst.get(oldestFirst.size() - 1);
    }

    /** A real round of permutation powering (one epoch, never promoted) over its completed transcripts. */
    private synchronized Round permutationRound() {
        if (permutationRound == null) {
            Round started = distillation.start(new RoundRequest("permutation-powering", true, false, 1, 7L, false),
                    "datasets-tests");
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                    .until(() -> distillation.get(started.id()).status().finished());
            permutationRound = distillation.get(started.id());
        }
        return permutationRound;
    }

    private List<JsonNode> lines(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        for (String line : response.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }

    private MockHttpServletResponse export(String path, String accept) throws Exception {
        var request = get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + accounts.token(accounts.researcher()));
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
