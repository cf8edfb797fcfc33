package org.amplify.distillation;

import java.time.Duration;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ModelRegistry;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.WorkspaceService;
import org.amplify.web.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real Chromium: starts a round on the experts' transcripts, watches its progress bar
 * move without a reload until it finishes, promotes the new version on the Models page, and sees it
 * there as the champion.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "amplify.distillation.epochs=200")
class RoundBrowserTests {

    private static final Duration ROUND = Duration.ofSeconds(180);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    ModelRegistry registry;

    @Autowired
    DistillationService distillation;

    @Test
    void anAdminStartsARoundWatchesItAndPromotesItsVersion() {
        Account expert = accounts.expert();
        for (String[] group : DistillationRoundTests.GROUPS) {
            for (int i = 1; i < group.length; i++) {
                long ws = questions.createTree(new NewTree("text", group[i], "", null, null, null, null, null, null),
                        expert.id());
                work.submit(ws, questions.workspace(ws).version(), group[0], expert.id());
            }
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "admin-password-of-the-tests");
            browser.click("nav a[href='/rounds']").waitForText("Start a round");
            // the most epochs a round may ask (this test's default is 200): on a fast machine the default
            // round trains within one 2 s poll of the page, and its bar is never seen between 5 % and 100 %
            browser.type("#epochs", "500").click("#start").waitForText("was queued");
            assertThat(browser.path()).matches("/rounds/\\d+");
            browser.script("window.notReloaded = true");
            String first = browser.waitForAttribute("#progress-bar", "style", style -> percent(style) > 5, ROUND);
            browser.screenshot("round-running");
            browser.waitForAttribute("#progress-bar", "style", style -> percent(style) > percent(first), ROUND);
            browser.waitForAttribute("#round-status", "textContent", "SUCCEEDED"::equals, ROUND);
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
            Round round = distillation.get(Long.parseLong(browser.path().substring("/rounds/".length())));
            int number = registry.find(round.modelVersionId()).orElseThrow().version();
            assertThat(browser.textOf("#round-version-link")).isEqualTo("v" + number);
            assertThat(browser.attribute("#round-version-link", "href"))
                    .endsWith("/models?domain=text#version-" + number);
            assertThat(browser.textOf("#round-promotion")).isEqualTo(round.promotionReason())
                    .startsWith("Not promoted automatically: auto-promotion was off");
            assertThat(browser.textOf("#models-link")).endsWith(", to promote it");
            assertThat(browser.textOf("#round-snapshot")).contains((DistillationRoundTests.GROUPS.length * 5)
                    + " transcripts");
            browser.screenshot("round-finished");

            browser.click("#models-link").waitForText("Versions");
            browser.click("#version-1 form button").waitForText("champion");
            assertThat(browser.textOf("#version-1")).contains("champion");
            assertThat(registry.champion("text")).isPresent();
            browser.screenshot("models-after-round");

            browser.open("/rounds").waitForText("Held-out accuracy across rounds");
            assertThat(browser.text()).contains("SUCCEEDED");
            browser.screenshot("rounds");
        }
    }

    private static double percent(String style) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("width:\\s*([0-9.]+)%").matcher(style);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
