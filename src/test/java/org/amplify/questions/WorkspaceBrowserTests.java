package org.amplify.questions;

import java.time.Duration;
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
 * An expert in a real Chromium: creates a permutation-powering tree, asks subquestions and sees the
 * copies' answers appear without a reload, corrects one, expands another, answers the expanded one
 * from the queue, sees that answer back in the parent, submits the root answer, and finds all of it
 * in the history and the tree picture. (Every copy answer is trusted here, so that nothing but the
 * expanded subquestion goes to the queue.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "amplify.amplification.agreement-threshold=0")
class WorkspaceBrowserTests {

    private static final Duration ANSWERS = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    QuestionService questions;

    @Test
    void anExpertDecomposesAQuestionWithTheCopiesAndAnswersIt() {
        trees.promotedUntrainedModel();
        accounts.user("browser-expert", Role.EXPERT);
        String[] names = trees.contextNames();
        try (Browser browser = new Browser(port)) {
            browser.signIn("browser-expert", TestAccounts.PASSWORD);
            browser.click("nav a[href='/trees']").waitForText("Ask a question");

            browser.script("document.getElementById('domain').value = 'permutation-powering'");
            browser.type("#question", names[0] + " 0 0 0 1 0 1").type("#size", "8").type("#seed", "42")
                    .click("#create-tree");
            browser.waitForText("this is its root workspace");
            assertThat(browser.path()).matches("/workspaces/\\d+");
            long root = Long.parseLong(browser.path().substring("/workspaces/".length()));
            assertThat(browser.textOf("#context")).contains(names[0]);

            // three subquestions, asked without leaving the page: the copies' answers appear in it
            browser.script("window.notReloaded = true");
            String[] asked = {names[0] + " 0 0 0 0 1 0", names[1] + " 0 0 0 0 1 1", names[2] + " 0 0 0 0 0 1"};
            for (int i = 1; i <= asked.length; i++) {
                browser.type("#ask-text", asked[i - 1]).click("#ask");
                browser.find("#subquestions > li:nth-child(" + i + ")");
                browser.waitForAttribute("#ask-text", "value", String::isEmpty, ANSWERS);
            }
            for (int i = 1; i <= asked.length; i++) {
                browser.waitForAttribute("#subquestions > li:nth-child(" + i + ")", "data-status",
                        status -> !status.equals("OPEN"), ANSWERS);
            }
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
            assertThat(browser.textOf("#subquestions > li:nth-child(1) .votes")).contains("copies:", " agree");
            assertThat(browser.textOf("#subquestions > li:nth-child(3) .votes")).contains("from the context");
            browser.screenshot("workspace-answers");

            // correct the first, expand the second
            browser.type("#subquestions > li:nth-child(1) .correct-answer", names[3])
                    .click("#subquestions > li:nth-child(1) button.correct").waitForText("both answers are kept");
            assertThat(browser.attribute("#subquestions > li:nth-child(1)", "data-status")).isEqualTo("CORRECTED");
            browser.click("#subquestions > li:nth-child(2) button.expand").waitForText("a workspace of its own");
            assertThat(browser.attribute("#subquestions > li:nth-child(2)", "data-status")).isEqualTo("EXPANDED");

            // the expanded subquestion waits in the queue: answer it there
            // (other tests of this context may have left older work there: take this one from the queue's list)
            browser.click("nav a[href='/queue']").waitForText("Tree progress");
            browser.script("""
                    const row = [...document.querySelectorAll('#queue tbody tr')]
                        .find(tr => tr.textContent.includes(arguments[0]));
                    row.querySelector('a').click();""".replace("arguments[0]", "'" + names[1] + " 0 0 0 0 1 1'"));
            browser.waitForText("Submit the answer");
            assertThat(browser.textOf("#question")).isEqualTo(names[1] + " 0 0 0 0 1 1");
            browser.type("#draft-answer", names[4]).click("#submit-answer").waitForText("Answer submitted");
            browser.click("#parent-link");
            assertThat(browser.path()).isEqualTo("/workspaces/" + root);
            browser.script("window.notReloaded = true");
            assertThat(browser.attribute("#subquestions > li:nth-child(2)", "data-status"))
                    .isEqualTo("ANSWERED_BY_PERSON");
            assertThat(browser.textOf("#subquestions > li:nth-child(2) .sub-answer")).contains(names[4]);

            // the root answer
            browser.type("#scratchpad", "σ^5 = σ^2 ∘ σ^2 ∘ σ").type("#draft-answer", names[5]).click("#save")
                    .waitForText("Saved.");
            browser.screenshot("workspace");
            browser.click("#submit-answer").waitForText("Answer submitted");
            assertThat(browser.textOf("#final-answer")).contains(names[5]);

            browser.click("#history-link").waitForText("History of");
            String history = browser.text();
            assertThat(history).contains("ask", "correct", "expand", "answer received", "save", "answer");
            assertThat(history).contains(names[3], names[4], names[5]);
            browser.screenshot("workspace-history");

            long tree = questions.workspace(root).treeId();
            browser.open("/trees/" + tree).waitForText("Click a box");
            assertThat(browser.script("return document.querySelectorAll('#tree-picture g.node').length"))
                    .isEqualTo(4L); // one box per question: the root and its three subquestions
            assertThat(browser.textOf("#tree-picture")).as("answers under the questions")
                    .contains("= " + names[3], "= " + names[4], "= " + names[5]);
            assertThat(browser.script("return document.querySelectorAll('#tree-picture g.corrected').length"))
                    .isEqualTo(1L);
            assertThat(browser.script("return document.querySelectorAll('#tree-picture g.answered-by-person').length"))
                    .isEqualTo(2L); // the root and the expanded subquestion (its own question's box)
            assertThat(browser.textOf("#root-answer")).contains(names[5]);
            browser.screenshot("tree-view");
            browser.click("#tree-picture a[href='/workspaces/" + root + "']");
            assertThat(browser.path()).isEqualTo("/workspaces/" + root);
        }
    }
}
