package org.amplify.datasets.web;

import org.amplify.accounts.TestAccounts;
import org.amplify.datasets.DatasetService;
import org.amplify.datasets.RegisteredModel;
import org.amplify.datasets.Snapshot;
import org.amplify.datasets.TestDatasets;
import org.amplify.distillation.Round;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Datasets page: a researcher sees every snapshot, newest first, with its domain, round, size,
 * creation time, the model trained on it (a link to its row on the Models page) and the links of its
 * three downloads; the menu links it for researchers and admins, not for experts, who may not open it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatasetsPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDatasets datasets;

    @Autowired
    DatasetService service;

    @Test
    void aResearcherSeesEverySnapshotWithItsModelAndDownloads() throws Exception {
        Round round = datasets.fixture().round();
        String page = page(accounts.researcher());
        Snapshot snapshot = service.snapshot(round.snapshotId());
        String row = row(page, snapshot.id());
        assertThat(row).contains(">" + snapshot.domain() + "<", "#" + snapshot.roundId(), snapshot.roundStatus(),
                ">" + snapshot.size() + "<",
                "href=\"/api/v1/snapshots/" + snapshot.id() + "/transcripts\"",
                "download=\"snapshot-" + snapshot.id() + "-transcripts.jsonl\"",
                "href=\"/api/v1/snapshots/" + snapshot.id() + "/subquestions\"",
                "href=\"/api/v1/snapshots/" + snapshot.id() + "/subquestions?format=csv\"",
                "href=\"/api/v1/snapshots/" + snapshot.id() + "/chat\"",
                "download=\"snapshot-" + snapshot.id() + "-chat.jsonl\"",
                "href=\"/api/v1/snapshots/" + snapshot.id() + "/preferences\"",
                "download=\"snapshot-" + snapshot.id() + "-preferences.jsonl\"");
        assertThat(row).doesNotContain("href=\"/rounds/"); // the rounds pages are for admins
        if (snapshot.modelVersionId() != null) {
            RegisteredModel model = service.model(snapshot.modelVersionId());
            assertThat(row).contains("href=\"/models?domain=" + model.domain() + "#version-" + model.version() + "\"",
                    model.domain() + " v" + model.version());
        } else {
            assertThat(row).contains("none yet");
        }
        assertThat(page).contains("href=\"/datasets\"", "read_json(", "/api/v1/snapshots/");
        assertThat(page).doesNotContain("id=\"no-datasets\"");

        // newest first
        long newest = service.snapshots(null).stream().mapToLong(Snapshot::id).max().orElseThrow();
        assertThat(page.indexOf("id=\"snapshot-" + newest + "\"")).isLessThanOrEqualTo(
                page.indexOf("id=\"snapshot-" + snapshot.id() + "\""));
    }

    @Test
    void anAdminSeesItWithTheRoundsLinkAndAnExpertNeither() throws Exception {
        Round round = datasets.fixture().round();
        String page = page(accounts.admin());
        assertThat(row(page, round.snapshotId())).contains("href=\"/rounds/" + round.id() + "\"");

        mvc.perform(get("/datasets").with(user(accounts.principal(accounts.expert()))))
                .andExpect(status().isForbidden());
        String models = mvc.perform(get("/models").with(user(accounts.principal(accounts.expert()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(models).doesNotContain("href=\"/datasets\"");
    }

    @Test
    void aDomainTabShowsItsSnapshotsOnlyAndTheEmptyStateWhenItHasNone() throws Exception {
        Snapshot text = service.snapshot(datasets.fixture().round().snapshotId());
        String textTab = page(accounts.researcher(), text.domain());
        assertThat(textTab).contains("id=\"snapshot-" + text.id() + "\"").doesNotContain("id=\"no-datasets\"");
        for (Snapshot other : service.snapshots(null)) {
            assertThat(textTab.contains("id=\"snapshot-" + other.id() + "\"")).isEqualTo(other.domain().equals("text"));
        }

        // a domain that no round has snapshotted in this test context
        String empty = service.domains().stream().filter(d -> service.snapshots(d).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("every domain has a snapshot here"));
        String page = page(accounts.researcher(), empty);
        assertThat(page).contains("id=\"no-datasets\"", "No dataset of " + empty + " yet",
                "a snapshot is taken when an admin starts a distillation round").doesNotContain("<tr id=\"snapshot-");

        String unknown = page(accounts.researcher(), "chess");
        assertThat(unknown).contains("No domain is named &#39;chess&#39;", "id=\"snapshot-" + text.id() + "\"");
    }

    private String page(org.amplify.accounts.Account account, String domain) throws Exception {
        return mvc.perform(get("/datasets").param("domain", domain).with(user(accounts.principal(account))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(org.amplify.accounts.Account account) throws Exception {
        return mvc.perform(get("/datasets").with(user(accounts.principal(account))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String row(String page, long snapshotId) {
        int start = page.indexOf("<tr id=\"snapshot-" + snapshotId + "\"");
        assertThat(start).as("the row of snapshot " + snapshotId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
