package org.amplify.questions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.amplify.web.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking in a real Chromium: each Ask adds its row to the list without a reload, with the copies'
 * work off the request (the row comes first, the copies' answer after). Measures, for 20 asks in a
 * permutation-powering tree with a promoted model, the time from the click to the row shown and
 * prints the median (a measurement, not an assertion on speed: the aim is a median under 150 ms).
 * Then the keyboard: {@code a} accepts the newest subquestion's answer, {@code n} takes the next workspace.
 * And a subquestion waiting for people gets their answer by push: no request while it waits.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AskLatencyBrowserTests {

    private static final int ASKS = 20;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Test
    void everyAskShowsItsRowAndTheCopiesAnswerAfter() {
        trees.promotedUntrainedModel();
        long expert = accounts.user("ask-latency", Role.EXPERT).id();
        long root = trees.permutationTree(expert, 10_000, null, 10_000);
        String[] names = trees.contextNames();
        List<Double> millis = new ArrayList<>();
        try (Browser browser = new Browser(port)) {
            browser.signIn("ask-latency", TestAccounts.PASSWORD);
            browser.open("/workspaces/" + root).waitForText("Ask a subquestion");
            browser.script("window.notReloaded = true");
            for (int i = 1; i <= ASKS; i++) {
                int power = 1 + i % 7;
                String question = names[i % names.length] + " 0 0 0 " + (power >> 2 & 1) + " " + (power >> 1 & 1) + " "
                        + (power & 1);
                browser.script("""
                        const list = document.getElementById('subquestions');
                        const before = list.querySelectorAll(':scope > li').length;
                        window.askShown = null;
                        const observer = new MutationObserver(() => {
                          if (list.querySelectorAll(':scope > li').length > before) {
                            window.askShown = performance.now() - window.askClicked;
                            observer.disconnect();
                          }
                        });
                        observer.observe(list, {childList: true});
                        document.getElementById('ask-text').value = arguments[0];
                        window.askClicked = performance.now();
                        document.getElementById('ask').click();""".replace("arguments[0]", "'" + question + "'"));
                Object shown = null;
                long waiting = System.nanoTime();
                while (shown == null && Duration.ofNanos(System.nanoTime() - waiting).toSeconds() < 30) {
                    shown = browser.script("return window.askShown");
                }
                assertThat(shown).as("ask %d (%s) shown; the page says: %s", i, question,
                        browser.script("return document.getElementById('ask-error').textContent")).isNotNull();
                millis.add(((Number) shown).doubleValue());
            }
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
            for (int i = 1; i <= ASKS; i++) { // the copies answer every one, after its row is there
                browser.waitForAttribute("#subquestions > li:nth-child(" + i + ")", "data-status",
                        status -> !status.equals("OPEN"), Duration.ofSeconds(60));
            }
            // the keyboard: a accepts the newest subquestion's answer, n takes the next workspace
            browser.open("/workspaces/" + root).waitForText("Keys:");
            browser.find("body").sendKeys("a");
            browser.waitForText("Accepted.");
            assertThat(browser.attribute("#subquestions > li:nth-child(" + ASKS + ")", "data-status"))
                    .isEqualTo("ANSWERED_BY_MODEL");
            browser.find("body").sendKeys("n");
            long pressed = System.nanoTime();
            while (browser.path().equals("/workspaces/" + root)) {
                assertThat(Duration.ofNanos(System.nanoTime() - pressed)).as("n leaves for the next workspace")
                        .isLessThan(Duration.ofSeconds(10));
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "Ask, click to row shown (%d asks): median %.0f ms, min %.0f, max %.0f%n", ASKS,
                (sorted.get(ASKS / 2 - 1) + sorted.get(ASKS / 2)) / 2, sorted.get(0), sorted.get(ASKS - 1));
    }

    @Test
    void aSubquestionWaitingForPeopleGetsTheirAnswerPushedWithoutPolling() throws InterruptedException {
        trees.promotedUntrainedModel(); // unsure copies: the subquestion goes to people
        long expert = accounts.user("push-expert", Role.EXPERT).id();
        long helper = accounts.user("push-helper", Role.EXPERT).id();
        long root = trees.permutationTree(expert, null, null, null);
        String[] names = trees.contextNames();
        try (Browser browser = new Browser(port)) {
            browser.signIn("push-expert", TestAccounts.PASSWORD);
            browser.open("/workspaces/" + root).waitForText("Ask a subquestion");
            browser.script("""
                    window.notReloaded = true;
                    window.requests = [];
                    const open = XMLHttpRequest.prototype.open;
                    XMLHttpRequest.prototype.open = function (method, url) {
                      window.requests.push(method + ' ' + url);
                      return open.apply(this, arguments);
                    };""");
            browser.type("#ask-text", names[0] + " 0 0 0 1 0 1").click("#ask");
            browser.waitForAttribute("#subquestions > li:nth-child(1)", "data-status", "NEEDS_PERSON"::equals,
                    Duration.ofSeconds(30));
            browser.script("window.requests = []");

            Thread.sleep(5_000); // the old page polled a waiting row every 3 s
            assertThat(browser.script("return window.requests.length")).as("requests while waiting")
                    .isEqualTo(0L);

            Subquestion waiting = questions.workspace(root).subquestions().get(0);
            long child = waiting.childWorkspaceIds().get(0);
            work.submit(child, questions.workspace(child).version(), names[3], helper);
            browser.waitForAttribute("#subquestions > li:nth-child(1)", "data-status", "ANSWERED_BY_PERSON"::equals,
                    Duration.ofSeconds(30));
            assertThat(browser.textOf("#subquestions > li:nth-child(1) .sub-answer")).contains(names[3]);
            assertThat(browser.script("return window.requests")).as("one fetch of the answered row")
                    .isEqualTo(List.of("GET /workspaces/" + root + "/subquestions/" + waiting.id()));
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
            browser.screenshot("workspace-pushed-answer");
        }
    }
}
