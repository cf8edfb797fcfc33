package org.amplify.datasets.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.amplify.datasets.TestDatasets;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.questions.QuestionService;
import org.amplify.web.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A researcher in a real Chromium opens Datasets from the menu, finds the fixture's snapshot, and
 * downloads it within the signed-in session (the page's own links, fetched by the page): the nested
 * JSON Lines hold the snapshot's transcripts in its order, the flat ones a row per subquestion, the
 * CSV the same rows under its header.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DatasetsBrowserTests {

    @LocalServerPort
    int port;

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

    @Test
    void aResearcherFindsASnapshotAndDownloadsIt() {
        Round round = datasets.fixture().round();
        List<Long> transcripts = distillation.snapshotTranscripts(round.id());
        int subquestions = questions.transcripts(transcripts).stream().mapToInt(t -> t.subquestions().size()).sum();
        accounts.user("browser-datasets-researcher", Role.RESEARCHER);
        try (Browser browser = new Browser(port)) {
            browser.signIn("browser-datasets-researcher", TestAccounts.PASSWORD);
            browser.click("nav a[href='/datasets']").waitForText("Each distillation round freezes");
            assertThat(browser.path()).isEqualTo("/datasets");
            String row = "#snapshot-" + round.snapshotId();
            assertThat(browser.textOf(row)).contains("#" + round.snapshotId(), "text",
                    String.valueOf(round.snapshotSize()), "JSONL", "flat CSV");
            browser.screenshot("datasets");

            Map<?, ?> nested = download(browser, row + " a.download-transcripts");
            assertThat(nested.get("status")).isEqualTo(200L);
            assertThat((String) nested.get("type")).startsWith("application/x-ndjson");
            List<JsonNode> records = lines((String) nested.get("body"));
            assertThat(records.stream().map(r -> r.get("transcriptId").asLong()).toList()).isEqualTo(transcripts)
                    .containsAll(datasets.fixture().textTranscripts());
            assertThat(records).hasSize(round.snapshotSize());

            Map<?, ?> flat = download(browser, row + " a.download-subquestions");
            assertThat(flat.get("status")).isEqualTo(200L);
            List<JsonNode> rows = lines((String) flat.get("body"));
            assertThat(rows).hasSize(subquestions).isNotEmpty()
                    .allSatisfy(r -> assertThat(transcripts).contains(r.get("workspace_id").asLong()));

            Map<?, ?> csv = download(browser, row + " a.download-subquestions-csv");
            assertThat(csv.get("status")).isEqualTo(200L);
            assertThat((String) csv.get("type")).startsWith("text/csv");
            List<List<String>> table = Csv.parse((String) csv.get("body"));
            assertThat(table.get(0)).isEqualTo(SubquestionExportTests.COLUMNS);
            assertThat(table).hasSize(subquestions + 1);
        }
    }

    /** Fetches the link's href in the page, with the session's cookie, as its download would. */
    private static Map<?, ?> download(Browser browser, String link) {
        String href = browser.attribute(link, "href");
        assertThat(browser.attribute(link, "download")).isNotBlank();
        return (Map<?, ?>) browser.script("return fetch(" + quoted(href) + ", {credentials: 'same-origin'})"
                + ".then(r => r.text().then(body => ({status: r.status, type: r.headers.get('content-type'), body})))");
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private List<JsonNode> lines(String body) {
        List<JsonNode> records = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }
}
