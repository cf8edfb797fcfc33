package org.amplify.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.amplify.ChatCompletionsServer;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Language models as copies, in a real Chromium: an admin registers a chat-completions endpoint (the
 * in-test server) on the Models page and promotes it; an expert asks three subquestions in a text
 * tree and sees the three copies' answers of each appear without a reload, grouped with their
 * agreement; the one the copies disagree on goes to the queue; the expert corrects one.
 * Screenshots under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LanguageModelCopiesBrowserTests {

    private static final Duration ANSWERS = Duration.ofSeconds(30);
    private static final ChatCompletionsServer SERVER = ChatCompletionsServer.start();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void anAdminRegistersAnEndpointAndAnExpertWorksWithItsCopies() {
        Map<String, AtomicInteger> samples = new ConcurrentHashMap<>();
        SERVER.latency(Duration.ofMillis(200)).answering(seen -> {
            if (seen.user().contains("Reply with the word OK")) {
                return "OK";
            }
            int n = samples.computeIfAbsent(seen.user(), u -> new AtomicInteger()).getAndIncrement();
            if (seen.user().contains("Where was the pump")) {
                return List.of("On Broad Street.", "on Broad Street", "On Broad Street!").get(n % 3);
            }
            if (seen.user().contains("How many died")) {
                return "616 people.";
            }
            return List.of("Through the water.", "Through the air.", "By miasma.").get(n % 3);
        });
        accounts.user("lm-admin", Role.ADMIN);
        accounts.user("lm-expert", Role.EXPERT);

        try (Browser admin = new Browser(port)) {
            admin.signIn("lm-admin", TestAccounts.PASSWORD);
            admin.open("/models?domain=text").waitForText("Register a language model");
            admin.type("#endpoint-base-url", SERVER.baseUrl()).type("#endpoint-model", "browser-model")
                    .type("#endpoint-temperature", "0.7").type("#endpoint-max-tokens", "64")
                    .type("#endpoint-timeout", "5000").click("#register-endpoint-button")
                    .waitForText("Registered browser-model");
            admin.screenshot("endpoint-registered");
            assertThat(admin.text()).contains("browser-model at", SERVER.baseUrl(), "no key");
            String row = (String) admin.script("""
                    return [...document.querySelectorAll('#versions tbody tr')]
                        .find(tr => tr.textContent.includes('browser-model')).id""");
            admin.click("#" + row + " form button[type=submit]").waitForText("is the champion");
            assertThat(admin.attribute("#" + row, "class")).contains("champion");
            admin.screenshot("endpoint-promoted");
        }

        try (Browser browser = new Browser(port)) {
            browser.signIn("lm-expert", TestAccounts.PASSWORD);
            browser.click("nav a[href='/trees']").waitForText("Ask a question");
            browser.script("document.getElementById('domain').value = 'text'");
            browser.type("#question", "Did the 1854 Broad Street cholera outbreak prove that cholera spreads through water?")
                    .type("#context", "Snow mapped the deaths of 1854 around the Broad Street pump.")
                    .click("#create-tree").waitForText("this is its root workspace");

            browser.script("window.notReloaded = true");
            String[] asked = {"Where was the pump?", "How many died?", "How does cholera spread?"};
            for (int i = 1; i <= asked.length; i++) {
                browser.type("#ask-text", asked[i - 1]).click("#ask");
                browser.find("#subquestions > li:nth-child(" + i + ")");
                browser.waitForAttribute("#ask-text", "value", String::isEmpty, ANSWERS);
            }
            for (int i = 1; i <= asked.length; i++) {
                browser.waitForAttribute("#subquestions > li:nth-child(" + i + ")", "data-status",
                        status -> !status.equals("OPEN"), ANSWERS);
            }
            assertThat(browser.script("return window.notReloaded === true")).as("no reload").isEqualTo(true);
            browser.screenshot("endpoint-copies-answers");
            assertThat(browser.attribute("#subquestions > li:nth-child(1)", "data-status")).isEqualTo("ANSWERED_BY_MODEL");
            assertThat(browser.textOf("#subquestions > li:nth-child(1) .votes"))
                    .contains("endpoint copies (browser-model", "3 of 3 agree");
            assertThat(browser.textOf("#subquestions > li:nth-child(2) .votes")).contains("3 of 3 agree");
            assertThat(browser.attribute("#subquestions > li:nth-child(3)", "data-status")).isEqualTo("NEEDS_PERSON");
            assertThat(browser.textOf("#subquestions > li:nth-child(3) .votes")).contains("1 of 3 agree");

            // the expert corrects the second
            browser.type("#subquestions > li:nth-child(2) .correct-answer", "616 deaths, most near the pump")
                    .click("#subquestions > li:nth-child(2) button.correct").waitForText("both answers are kept");
            assertThat(browser.attribute("#subquestions > li:nth-child(2)", "data-status")).isEqualTo("CORRECTED");
            browser.screenshot("endpoint-copies-corrected");

            // the disagreement waits in the queue
            browser.click("nav a[href='/queue']").waitForText("How does cholera spread?");
            browser.screenshot("endpoint-copies-queue");
        }

        try (Browser admin = new Browser(port)) { // the cascade's chart: no round yet, the endpoint answered all
            admin.signIn("lm-admin", TestAccounts.PASSWORD);
            admin.open("/rounds").waitForText("The cascade in text");
            String calls = admin.textOf("#cascade-table tbody tr:last-child .endpoint-calls");
            assertThat(Integer.parseInt(calls.trim())).as("the 9 endpoint calls of the three subquestions")
                    .isGreaterThanOrEqualTo(9);
            admin.script("document.getElementById('cascade').scrollIntoView()");
            admin.screenshot("rounds-cascade");
        }
    }
}
