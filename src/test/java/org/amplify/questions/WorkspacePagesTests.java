package org.amplify.questions;

import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of trees and workspaces: pointers hide what was not passed down, and every kind of bad
 * input is a message on the page or a 4xx, never a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkspacePagesTests {

    private static final String SECRET = "The launch code is 0000.";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestTrees trees;

    @Test
    void aChildWorkspaceShowsOnlyWhatItsParentPassedDownUntilItsExpertUnlocksMore() throws Exception {
        Account owner = accounts.expert();
        Account helper = accounts.user("pointer-helper", Role.EXPERT);
        long root = questions.createTree(new NewTree("text", "Can we launch today?",
                "The weather is clear. " + SECRET, null, null, null, null, null, null), owner.id());
        assertThat(page(root, owner)).contains(SECRET);

        mvc.perform(as(post("/workspaces/" + root + "/subquestions").param("text", "Is the weather good?")
                .param("passedContext", "The weather is clear."), owner)).andExpect(redirectedUrl("/workspaces/" + root));
        long child = trees.answered(root, questions.workspace(root).subquestions().get(0).id()).childWorkspaceIds()
                .get(0);

        String childPage = page(child, helper);
        assertThat(childPage).contains("The weather is clear.").contains("Unlock the parent").doesNotContain(SECRET);

        mvc.perform(as(post("/workspaces/" + child + "/unlock"), helper)).andExpect(redirectedUrl("/workspaces/" + child));
        assertThat(page(child, helper)).contains(SECRET);
        assertThat(questions.history(child)).extracting(HistoryEvent::kind).contains("UNLOCK");
    }

    @Test
    void badInputIsAMessageOrA4xxNeverAServerError() throws Exception {
        Account expert = accounts.expert();
        // empty question, over-long question, unknown domain, a malformed algorithmic question: the form says why
        assertThat(create(expert, "text", "")).contains("The question is empty.");
        assertThat(create(expert, "text", "x".repeat(2001))).contains("The question is too long: at most 2000");
        assertThat(create(expert, "cooking", "Why?")).contains("Unknown domain &#39;cooking&#39;");
        assertThat(create(expert, "permutation-powering", "what is it?")).contains("Not a question of permutation-powering");
        mvc.perform(as(post("/trees").param("domain", "text").param("question", "Q").param("depthLimit", "-1"), expert))
                .andExpect(status().isOk());

        long ws = questions.createTree(new NewTree("text", "Is it done?", "", null, null, null, null, null, null),
                expert.id());
        mvc.perform(as(post("/workspaces/" + ws + "/subquestions").param("text", " "), expert))
                .andExpect(flash().attribute("error", "The subquestion is empty."));
        mvc.perform(as(post("/workspaces/" + ws + "/subquestions").param("text", "Why?")
                .param("passedContext", "text that is not in the context"), expert))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Only a part of this")));
        mvc.perform(as(post("/workspaces/" + ws + "/subquestions").param("text", "Why?"),
                accounts.user("someone-else", Role.EXPERT))).andExpect(redirectedUrl("/workspaces/" + ws))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("holds this workspace")));

        long sub = work.ask(ws, "Who knows?", "", expert.id());
        mvc.perform(as(post("/subquestions/" + sub + "/feedback").param("workspace", String.valueOf(ws))
                .param("verdict", "maybe"), expert))
                .andExpect(flash().attribute("error", "Unknown verdict 'maybe': accept, correct or expand."));
        mvc.perform(as(post("/workspaces/" + ws + "/submit").param("version", "0").param("draftAnswer", "Yes"), expert))
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString("submitted")));
        mvc.perform(as(post("/workspaces/" + ws + "/subquestions").param("text", "Too late?"), expert))
                .andExpect(flash().attribute("error", "This workspace is closed: its answer was submitted."));

        mvc.perform(as(get("/workspaces/999999"), expert)).andExpect(status().isNotFound());
        mvc.perform(as(get("/trees/999999"), expert)).andExpect(status().isNotFound());
        mvc.perform(as(post("/subquestions/999999/feedback").param("workspace", "1").param("verdict", "accept"), expert))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/workspaces/999999/stream"), expert)).andExpect(status().isNotFound());
        mvc.perform(as(post("/subquestions/" + sub + "/feedback").param("verdict", "accept"), expert))
                .andExpect(status().isBadRequest());
        mvc.perform(as(post("/workspaces/" + ws + "/save").param("version", "not-a-number"), expert))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void aSecondSaveFromAStalePageGetsTheConflictMessageAndKeepsItsText() throws Exception {
        Account alice = accounts.user("alice-page", Role.EXPERT);
        Account bob = accounts.user("bob-page", Role.EXPERT);
        long ws = questions.createTree(new NewTree("text", "Which option?", "", null, null, null, null, null, null),
                alice.id());
        mvc.perform(as(post("/workspaces/" + ws + "/save").param("version", "0").param("scratchpad", "A first"), alice))
                .andExpect(flash().attribute("success", "Saved."));
        mvc.perform(as(post("/workspaces/" + ws + "/save").param("version", "0").param("scratchpad", "B second"), bob))
                .andExpect(flash().attribute("conflict", true))
                .andExpect(flash().attribute("scratchpad", "B second"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("alice-page saved this")));
        assertThat(questions.workspace(ws).scratchpad()).isEqualTo("A first");
    }

    @Test
    void theTreeListSearchesAndTheTreePictureLinksEveryNode() throws Exception {
        Account expert = accounts.expert();
        long ws = questions.createTree(new NewTree("text", "Where is the zebra?", "", null, null, null, null, null,
                null), expert.id());
        work.ask(ws, "Who owns a pet?", "", expert.id());
        String list = mvc.perform(as(get("/trees").param("q", "zebra"), expert)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Where is the zebra?");
        assertThat(mvc.perform(as(get("/trees").param("q", "no-such-tree-anywhere"), expert)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Where is the zebra?");
        long tree = questions.workspace(ws).treeId();
        String picture = mvc.perform(as(get("/trees/" + tree), expert)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(picture).contains("<svg", "href=\"/workspaces/" + ws + "\"", "Who owns a pet?");
    }

    @Test
    void theTreePictureEscapesItsTextsAndLinksEachSubquestionToItsPlace() throws Exception {
        Account expert = accounts.expert();
        // a budget of one workspace: the subquestion cannot get one of its own, so it stays in its row
        long ws = questions.createTree(new NewTree("text", "Is <b>bold</b> & \"quoted\" safe?", "", null, null, null,
                1, null, null), expert.id());
        long subquestion = work.ask(ws, "Does <i>x</i> hold?", "", expert.id());
        trees.answered(ws, subquestion);
        long tree = questions.workspace(ws).treeId();
        String page = mvc.perform(as(get("/trees/" + tree), expert)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String picture = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(picture).doesNotContain("<b>", "<i>").contains("Does &lt;i&gt;x&lt;/i&gt; hold?",
                "href=\"/workspaces/" + ws + "#subquestion-" + subquestion + "\"", "class=\"node question open\"",
                "class=\"edge\"", "<rect");
        assertThat(picture.split("<g class=\"node ", -1)).hasSize(3); // the question and its subquestion
        assertThat(picture).contains("<title>Is &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; safe?\nopen"
                + " (the question)</title>");
    }

    /** The page reads its rows in a fixed number of statements: 8 answered subquestions cost no more than 2. */
    @Test
    void theWorkspacePageReadsItsRowsInAFixedNumberOfStatements() throws Exception {
        Account owner = accounts.expert();
        long two = answeredTextWorkspace(owner, 2);
        long eight = answeredTextWorkspace(owner, 8);
        page(two, owner);
        int forTwo = statements(two, owner);
        int forEight = statements(eight, owner);
        System.out.printf("workspace page: %d statements with 2 subquestions, %d with 8%n", forTwo, forEight);
        assertThat(forEight).isEqualTo(forTwo);
    }

    private long answeredTextWorkspace(Account owner, int subquestions) {
        long ws = questions.createTree(new NewTree("text", "Why did the pump matter?", "The Broad Street pump.", null,
                null, null, null, null, null), owner.id());
        for (int i = 1; i <= subquestions; i++) {
            long sub = work.ask(ws, "Which fact number " + i + " matters?", "", owner.id());
            trees.answered(ws, sub);
            work.feedback(sub, Verdict.CORRECT, "Fact " + i, owner.id());
        }
        return ws;
    }

    private int statements(long workspace, Account account) throws Exception {
        try (org.amplify.StatementRecorder.Recording recording = org.amplify.StatementRecorder.start()) {
            assertThat(page(workspace, account)).contains("Fact 1");
            return recording.statements().size();
        }
    }

    private String page(long workspace, Account account) throws Exception {
        return mvc.perform(as(get("/workspaces/" + workspace), account)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String create(Account account, String domain, String question) throws Exception {
        return mvc.perform(as(post("/trees").param("domain", domain).param("question", question), account))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Account account) {
        return request.with(csrf()).with(user(accounts.principal(account)));
    }
}
