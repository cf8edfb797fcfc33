package org.amplify.amplification;

import java.time.Duration;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ModelVersion;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Subquestion;
import org.amplify.web.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, acceptance 4: in a real Chromium, an expert in a {@code text} workspace sees the subquestions
 * of the most similar answered question suggested, takes one with one click, and it is asked: its row
 * appears without a reload and the suggestion leaves the panel. An admin then sees it counted as taken.
 * (The same settings as {@code WorkspaceBrowserTests}, so that both share one application.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "amplify.amplification.agreement-threshold=0")
class SuggestionBrowserTests {

    private static final Duration ANSWERS = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSuggestions fixtures;

    @Autowired
    QuestionService questions;

    @Test
    void anExpertTakesASuggestedSubquestionWithOneClick() {
        ModelVersion champion = fixtures.promotedTextModel();
        Account expert = accounts.user("suggestion-expert", Role.EXPERT);
        accounts.user("suggestion-admin", Role.ADMIN);
        fixtures.answeredDecompositions(expert.id());
        long ws = questions.createTree(new NewTree("text", "name the capital of france", "", null, null, null, null,
                null, null), expert.id());

        try (Browser browser = new Browser(port)) {
            browser.signIn("suggestion-expert", TestAccounts.PASSWORD);
            browser.open("/workspaces/" + ws).waitForText("Suggested subquestions");
            browser.find("#suggestion-list .take-suggestion");
            assertThat(browser.textOf("#suggestions")).contains("Which country is France?",
                    "from “what is the capital of france”", "text model v" + champion.version());
            browser.script("document.getElementById('suggestions').scrollIntoView()");
            browser.screenshot("workspace-suggestions");

            // one click: asked, its row added to the list, the page not reloaded
            browser.script("window.notReloaded = true");
            browser.click("#suggestion-list li:first-child .take-suggestion");
            assertThat(browser.textOf("#subquestions > li:nth-child(1) .sub-text"))
                    .isEqualTo("Which country is France?");
            browser.waitForAttribute("#subquestions > li:nth-child(1)", "data-status", s -> !s.equals("OPEN"), ANSWERS);
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
            assertThat(browser.script("return document.getElementById('no-subquestions') === null")).isEqualTo(true);
            // the panel shows what is left: the next subquestion of the same decomposition first
            browser.waitForText("+ Where does the government of France sit?");
            assertThat(browser.script("return document.getElementById('suggestions').textContent"
                    + ".includes('Which country is France?')")).isEqualTo(false);
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("workspace-suggestion-taken");
        }
        assertThat(questions.workspace(ws).subquestions()).extracting(Subquestion::text)
                .containsExactly("Which country is France?");

        try (Browser admin = new Browser(port)) {
            admin.signIn("suggestion-admin", TestAccounts.PASSWORD);
            admin.open("/models?domain=text").click("#suggestions-link a").waitForText("Share taken");
            assertThat(admin.find("#suggestion-shares tr[data-version='" + champion.id() + "'] .taken").getText())
                    .isNotEqualTo("0");
            admin.screenshot("suggestion-shares");
        }
    }
}
