package org.amplify.experiments;

import java.time.Duration;
import org.amplify.models.ModelRegistry;
import org.amplify.web.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real Chromium: makes a mistake in the start form, starts an SL experiment, watches
 * its progress bar move and its accuracy chart fill, and cancels it; starts an experiment with H' and
 * a budget of calls to H, and finds it next to the others, drawn against its calls to H.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExperimentBrowserTests {

    private static final Duration JOB = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    ExperimentService experiments;

    @Autowired
    ModelRegistry registry;

    @Test
    void anAdminStartsWatchesAndCancelsAnExperiment() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "admin-password-of-the-tests");
            browser.click("nav a[href='/experiments']").waitForText("Start an experiment");
            assertThat(browser.text()).contains("permutation-powering", "union-find", "Held-out accuracy");

            browser.type("#steps", "0").type("#size", "3").click("#start");
            browser.waitForText("The experiment was not started");
            assertThat(browser.text()).contains("must be between 8 and 64", "must be positive");
            assertThat(browser.attribute("#steps", "class")).contains("invalid");
            browser.screenshot("experiments-field-errors");

            browser.type("#size", "8").type("#steps", "20000").type("#batch", "16").type("#seed", "11")
                    .type("#evaluateEvery", "10");
            browser.click("input[type=radio][value=SL]").click("#start");
            browser.waitForText("was queued");
            String path = browser.path();
            assertThat(path).matches("/experiments/\\d+");
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));

            // the page polls: the bar moves, the chart gets points, without a reload
            browser.script("window.notReloaded = true");
            double first = width(browser, w -> w > 0);
            double later = width(browser, w -> w > first);
            assertThat(later).isGreaterThan(first);
            browser.waitForAttribute("#latest-accuracy", "textContent", text -> text.contains("% at step"), JOB);
            Object plotted = browser.script(
                    "return Chart.getChart('accuracy-chart').data.datasets[0].data.length");
            assertThat(((Number) plotted).intValue()).isPositive();
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
            browser.screenshot("experiment-running");

            browser.click("#cancel");
            browser.waitForText("CANCELLED", Duration.ofSeconds(20));
            assertThat(experiments.get(id).status()).isEqualTo(ExperimentStatus.CANCELLED);
            assertThat(experiments.points(id, -1)).isNotEmpty();
            assertThat(browser.script("return document.getElementById('cancel') === null")).isEqualTo(true);
            String registered = "permutation-powering v" + registry.find(experiments.get(id).modelVersionId())
                    .orElseThrow().version();
            assertThat(browser.textOf("#experiment-model-link")).isEqualTo(registered);
            assertThat(browser.attribute("#experiment-model-link", "href"))
                    .endsWith("/models?domain=permutation-powering#version-" + registered.substring(registered.lastIndexOf('v') + 1));
            assertThat(browser.textOf("#promote")).isEqualTo("Promote"); // not the champion: an admin may promote it
            browser.screenshot("experiment-cancelled");

            browser.open("/experiments?domain=permutation-powering").waitForText("#" + id);
            browser.screenshot("experiments");
        }
    }

    @Test
    void anAdminRunsIaWithHPrimeWithinABudgetOfCallsToH() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "admin-password-of-the-tests");
            browser.open("/experiments?domain=permutation-powering").waitForText("Start an experiment");
            browser.click("input[type=radio][value=IA_HP]").type("#size", "8").type("#steps", "20")
                    .type("#batch", "16").type("#seed", "5").type("#evaluateEvery", "10")
                    .type("#expertCallBudget", "-1").click("#start");
            browser.waitForText("The experiment was not started");
            assertThat(browser.text()).contains("must be positive (leave it out for no limit)");

            browser.type("#expertCallBudget", "3").click("#start");
            browser.waitForText("was queued");
            browser.waitForText("SUCCEEDED", JOB); // the page reloads when the run ends
            assertThat(browser.text()).contains("IA with H' on permutation-powering", "H' predicts H",
                    "% of its actions");
            assertThat(browser.textOf("#latest-cost")).isEqualTo("3");
            assertThat(browser.textOf("#expert-call-budget")).isEqualTo("3");
            browser.screenshot("experiment-with-h-prime");

            browser.open("/experiments?domain=permutation-powering").waitForText("Accuracy against calls to H");
            Object labels = browser.script("return Chart.getChart('calls-chart').data.datasets.map(d => d.label "
                    + "+ ':' + d.data.length).join(',')");
            assertThat(labels.toString()).containsPattern("IA with H' #\\d+:2");
            Object dashed = browser.script("return Chart.getChart('accuracy-chart').data.datasets"
                    + ".filter(d => d.borderDash.length > 0).map(d => d.label).join(',')");
            assertThat(dashed.toString()).startsWith("H' predicts H, IA with H' #");
            browser.screenshot("experiments-with-h-prime");
        }
    }

    private static double width(Browser browser, java.util.function.DoublePredicate condition) {
        String style = browser.waitForAttribute("#progress-bar", "style",
                s -> condition.test(percent(s)), JOB);
        return percent(style);
    }

    private static double percent(String style) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("width:\\s*([0-9.]+)%").matcher(style);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
