package org.amplify.datasets.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.TestAccounts;
import org.amplify.datasets.TestDatasets;
import org.amplify.datasets.TestDatasets.Fixture;
import org.amplify.distillation.DistillationService;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.Transcript;
import org.amplify.questions.WorkspaceService;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The exports on transcripts made through the real services: a snapshot's JSON Lines hold one JSON
 * object a line with exactly the documented fields, in the snapshot's order; the pages hold the same
 * records; exporting twice (and after more work) gives the same bytes; every record says what the
 * questions module's own view of the transcript says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatasetExportTests {

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
    WorkspaceService work;

    @Autowired
    JsonMapper json;

    Fixture fixture;

    @BeforeEach
    void transcripts() {
        fixture = datasets.fixture();
    }

    @Test
    void aSnapshotsJsonLinesHoldOneDocumentedObjectPerLineInTheSnapshotsOrder() throws Exception {
        MockHttpServletResponse response = export("/api/v1/snapshots/" + fixture.round().snapshotId() + "/transcripts",
                null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(
                MediaType.parseMediaType("application/x-ndjson"))).isTrue();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        List<JsonNode> records = new ArrayList<>();
        for (String line : body.split("\n")) {
            JsonNode record = json.readTree(line);
            assertThat(record.isObject()).as(line).isTrue();
            assertDocumentedFields(record);
            records.add(record);
        }
        assertThat(records.stream().map(r -> r.get("transcriptId").asLong()).toList())
                .isEqualTo(distillation.snapshotTranscripts(fixture.round().id()))
                .containsAll(fixture.textTranscripts());
        assertThat(records).allSatisfy(r -> assertThat(r.get("domain").asString()).isEqualTo("text"));
        assertThat(records).hasSize(fixture.round().snapshotSize());
    }

    @Test
    void everyRecordSaysWhatTheQuestionsModuleSaysOfTheTranscript() throws Exception {
        Map<Long, JsonNode> exported = new java.util.HashMap<>();
        for (String expert : List.of(TestDatasets.ALICE, TestDatasets.BOB)) {
            for (JsonNode record : lines(export("/api/v1/transcripts?expert=" + expert, null))) {
                exported.put(record.get("transcriptId").asLong(), record);
            }
        }
        assertThat(exported.keySet()).containsExactlyInAnyOrderElementsOf(fixture.transcripts());
        boolean sawVotes = false;
        boolean sawUnlocked = false;
        for (Transcript transcript : questions.transcripts(fixture.transcripts())) {
            JsonNode record = exported.get(transcript.workspaceId());
            assertDocumentedFields(record);
            assertThat(record.get("treeId").asLong()).isEqualTo(transcript.treeId());
            assertThat(record.get("questionId").asLong()).isEqualTo(transcript.questionId());
            assertThat(record.get("domain").asString()).isEqualTo(transcript.domain());
            assertThat(record.get("question").asString()).isEqualTo(transcript.question());
            assertThat(record.get("context").asString()).isEqualTo(transcript.context());
            assertThat(record.get("answer").asString()).isEqualTo(transcript.answer());
            assertThat(record.get("expertId").asLong()).isEqualTo(transcript.expertId());
            assertThat(record.get("expert").asString()).isEqualTo(transcript.expertName());
            assertThat(record.get("submittedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            sawUnlocked |= record.get("contextUnlocked").asBoolean();
            JsonNode subs = record.get("subquestions");
            assertThat(subs.size()).isEqualTo(transcript.subquestions().size());
            for (int i = 0; i < subs.size(); i++) {
                JsonNode sub = subs.get(i);
                Subquestion expected = transcript.subquestions().get(i);
                assertThat(sub.get("id").asLong()).isEqualTo(expected.id());
                assertThat(sub.get("position").asInt()).isEqualTo(expected.position());
                assertThat(sub.get("question").asString()).isEqualTo(expected.text());
                assertThat(sub.get("passedContext").asString()).isEqualTo(expected.passedContext());
                assertThat(sub.get("status").asString()).as("status of " + expected.text())
                        .isEqualTo(expected.status().name());
                assertThat(sub.get("answer").isNull() ? null : sub.get("answer").asString())
                        .isEqualTo(expected.answer());
                assertThat(sub.get("childQuestionId").isNull() ? null : sub.get("childQuestionId").asLong())
                        .isEqualTo(expected.childQuestionId());
                JsonNode answers = sub.get("answers");
                assertThat(answers.size()).isEqualTo(expected.answers().size());
                for (int a = 0; a < answers.size(); a++) {
                    SubAnswer answer = expected.answers().get(a);
                    assertThat(answers.get(a).get("id").asLong()).isEqualTo(answer.id());
                    assertThat(answers.get(a).get("source").asString()).isEqualTo(answer.source().name());
                    List<String> votes = new ArrayList<>();
                    answers.get(a).get("votes").forEach(v -> votes.add(v.asString()));
                    assertThat(votes).isEqualTo(answer.votes());
                    sawVotes |= !votes.isEmpty();
                    assertThat(answers.get(a).get("modelVersionId").isNull() ? null
                            : answers.get(a).get("modelVersionId").asLong()).isEqualTo(answer.modelVersionId());
                }
                assertThat(sub.get("feedback").size()).isEqualTo(expected.feedback().size());
                for (int f = 0; f < expected.feedback().size(); f++) {
                    assertThat(sub.get("feedback").get(f).get("verdict").asString())
                            .isEqualTo(expected.feedback().get(f).verdict().name());
                    assertThat(sub.get("feedback").get(f).get("expert").asString())
                            .isEqualTo(expected.feedback().get(f).expertName());
                }
            }
        }
        assertThat(sawVotes).as("a model answer with the copies' votes").isTrue();
        assertThat(sawUnlocked || fixture.bobTranscripts().size() == 1).isTrue();
    }

    @Test
    void thePagesHoldTheSameRecordsAsTheLines() throws Exception {
        for (String path : List.of("/api/v1/snapshots/" + fixture.round().snapshotId() + "/transcripts",
                "/api/v1/transcripts?expert=" + TestDatasets.ALICE, "/api/v1/feedback?expert=" + TestDatasets.ALICE)) {
            List<JsonNode> lines = lines(export(path, null));
            assertThat(lines).as(path).hasSizeGreaterThan(1);
            List<JsonNode> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String url = path + (path.contains("?") ? "&" : "?") + "limit=1"
                        + (cursor == null ? "" : "&cursor=" + cursor);
                MockHttpServletResponse response = export(url, MediaType.APPLICATION_JSON_VALUE);
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
                JsonNode page = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
                assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
                page.get("items").forEach(paged::add);
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 1000);
            assertThat(paged).as(path).isEqualTo(lines);
            assertThat(pages).isEqualTo(lines.size());

            JsonNode all = json.readTree(export(path + (path.contains("?") ? "&" : "?") + "limit=1000",
                    MediaType.APPLICATION_JSON_VALUE).getContentAsString(StandardCharsets.UTF_8));
            assertThat(all.get("nextCursor").isNull()).isTrue();
            List<JsonNode> items = new ArrayList<>();
            all.get("items").forEach(items::add);
            assertThat(items).isEqualTo(lines);
        }
    }

    @Test
    void exportingTwiceGivesTheSameBytesEvenAfterMoreWork() throws Exception {
        String path = "/api/v1/snapshots/" + fixture.round().snapshotId() + "/transcripts";
        byte[] first = export(path, null).getContentAsByteArray();
        byte[] second = export(path, null).getContentAsByteArray();
        assertThat(second).isEqualTo(first);

        // more work meanwhile: a new text transcript, more answers in the trees: the snapshot does not change
        long more = questions.createTree(new NewTree("text", "Is this snapshot frozen?", "Yes.", null, null, null,
                null, null, null), accounts.expert().id());
        work.submit(more, questions.workspace(more).version(), "yes", accounts.expert().id());
        assertThat(export(path, null).getContentAsByteArray()).isEqualTo(first);
        assertThat(export(path, "*/*").getContentAsByteArray()).isEqualTo(first);

        String filtered = "/api/v1/transcripts?domain=permutation-powering&expert=" + TestDatasets.ALICE;
        assertThat(export(filtered, null).getContentAsByteArray())
                .isEqualTo(export(filtered, "application/x-ndjson").getContentAsByteArray());
        assertThat(Arrays.equals(first, new byte[0])).isFalse();
    }

    @Test
    void theAcceptHeaderChoosesByTheClientsPreferenceAndAWildcardGetsTheLines() throws Exception {
        String path = "/api/v1/feedback?expert=" + TestDatasets.ALICE;
        for (String lines : List.of("application/x-ndjson", "*/*", "application/*",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "application/json;q=0.5, application/x-ndjson")) {
            assertThat(export(path, lines).getContentType()).as(lines).startsWith("application/x-ndjson");
        }
        for (String pages : List.of("application/json", "application/json, */*;q=0.1",
                "application/x-ndjson;q=0.5, application/json", "application/*;q=0.5, application/json")) {
            assertThat(export(path, pages).getContentType()).as(pages).startsWith("application/json");
        }
        MockHttpServletResponse csv = export("/api/v1/snapshots/" + fixture.round().snapshotId() + "/subquestions",
                "text/csv");
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(export(path, "text/csv").getStatus()).isEqualTo(406);
    }

    @Test
    void aFeedbackRecordHoldsTheDocumentedFieldsAndWhatWasJudged() throws Exception {
        List<JsonNode> verdicts = lines(export("/api/v1/feedback?expert=" + TestDatasets.ALICE, null));
        assertThat(verdicts).isNotEmpty();
        List<String> documented = Arrays.stream(FeedbackRecord.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        for (JsonNode verdict : verdicts) {
            assertThat(names(verdict)).isEqualTo(documented);
            assertThat(verdict.get("expert").asString()).isEqualTo(TestDatasets.ALICE);
            if (verdict.get("verdict").asString().equals("CORRECT")) {
                assertThat(verdict.get("correctedAnswer").isNull()).isFalse();
            }
        }
        assertThat(verdicts.stream().map(v -> v.get("verdict").asString()).distinct().toList())
                .contains("ACCEPT", "CORRECT");
        assertThat(verdicts.stream().filter(v -> "MODEL".equals(text(v.get("judgedSource")))))
                .allSatisfy(v -> assertThat(v.get("modelVersionId").isNull()).isFalse());
    }

    private void assertDocumentedFields(JsonNode record) {
        assertThat(names(record)).isEqualTo(components(TranscriptRecord.class));
        for (JsonNode sub : record.get("subquestions")) {
            assertThat(names(sub)).isEqualTo(components(TranscriptRecord.SubquestionRecord.class));
            sub.get("answers").forEach(a -> assertThat(names(a)).isEqualTo(
                    components(TranscriptRecord.AnswerRecord.class)));
            sub.get("feedback").forEach(f -> assertThat(names(f)).isEqualTo(
                    components(TranscriptRecord.VerdictRecord.class)));
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    private List<JsonNode> lines(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        for (String line : body.split("\n")) {
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
