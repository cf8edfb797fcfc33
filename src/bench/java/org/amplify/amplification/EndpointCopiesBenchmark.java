package org.amplify.amplification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.amplify.AmplifyApplication;
import org.amplify.ChatCompletionsServer;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.EndpointRegistration;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.SubquestionsAnswered;
import org.amplify.questions.WorkspaceService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A benchmark, not a test: the copies of a language model really run at once. The in-test
 * chat-completions server answers every request after a fixed 200 ms; an expert asks 8 subquestions
 * in a text tree (one after the other, through the service the page's Ask calls); measured is the
 * time until all 8 × 3 answers are stored and shown: each row's push arrived
 * ({@link SubquestionsAnswered}, from PostgreSQL's notification, what makes the page fetch the row)
 * and the row, as its fragment renders it ({@link QuestionService#row}), holds the copies' answer with
 * its 3 votes. Sequential calls would take 8 × 3 × 200 ms = 4.8 s; at once, a little over 200 ms.
 * Median of 20 runs after 3 warm-up runs, each run new subquestions (none from memory).
 *
 * <pre>./mvnw -q test-compile exec:exec@endpoint-benchmark</pre>
 */
public final class EndpointCopiesBenchmark {

    private static final int SUBQUESTIONS = 8;
    private static final int COPIES = 3;
    private static final int WARM_UP = 3;
    private static final int RUNS = 20;
    private static final Duration LATENCY = Duration.ofMillis(200);

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("ai.djl.offline", "true");
        SpringApplication app = new SpringApplication(AmplifyApplication.class);
        app.setAdditionalProfiles("test");
        Set<Long> pushed = ConcurrentHashMap.newKeySet();
        try (ChatCompletionsServer server = ChatCompletionsServer.start();
                ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                        "--jobrunr.background-job-server.enabled=false",
                        "--amplify.amplification.copies=" + COPIES)) {
            context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<SubquestionsAnswered>>) e ->
                    e.getPayload().answered().forEach(a -> pushed.add(a.subquestionId())));
            QuestionService questions = context.getBean(QuestionService.class);
            WorkspaceService work = context.getBean(WorkspaceService.class);
            EndpointCopies copies = context.getBean(EndpointCopies.class);
            long expert = context.getBean(TestAccounts.class).expert().id();
            server.answering("Yes.");
            ModelVersion endpoint = context.getBean(ChatEndpoints.class).register(new EndpointRegistration(
                    server.baseUrl(), "benchmark-model", null, null, 0.7, 64, 5_000, null, "benchmark"), "benchmark");
            context.getBean(ModelRegistry.class).promote(endpoint.id(), "benchmark");
            server.latency(LATENCY).answering(seen -> "The answer to " + seen.user().hashCode() + ".");
            double[] millis = new double[RUNS];
            int maxInFlight = 0;
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long root = questions.createTree(new NewTree("text", "Did the 1854 Broad Street outbreak prove that "
                        + "cholera spreads through water? (run " + run + ")", "Snow's map of the deaths.", null, null,
                        null, null, null, null), expert);
                server.resetCounts();
                long callsBefore = copies.calls();
                long start = System.nanoTime();
                List<Long> asked = new ArrayList<>();
                for (int i = 0; i < SUBQUESTIONS; i++) {
                    asked.add(work.ask(root, "Subquestion " + i + " of run " + run + ": where did the deaths cluster?",
                            "Snow's map of the deaths.", expert));
                }
                while (!allShown(questions, root, asked, pushed)) {
                    Thread.sleep(1);
                }
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (copies.calls() - callsBefore != (long) SUBQUESTIONS * COPIES) {
                    throw new IllegalStateException("expected " + SUBQUESTIONS * COPIES + " endpoint calls, made "
                            + (copies.calls() - callsBefore));
                }
                maxInFlight = Math.max(maxInFlight, server.maxInFlight());
                if (run >= WARM_UP) {
                    millis[run - WARM_UP] = elapsed;
                }
            }
            Arrays.sort(millis);
            System.out.printf("asking %d subquestions to all %d endpoint copies' answers stored and shown (latency %d ms"
                    + " per call): median %.1f ms (min %.1f, max %.1f) over %d runs; at most %d calls in flight%n",
                    SUBQUESTIONS, SUBQUESTIONS * COPIES, LATENCY.toMillis(), (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2,
                    millis[0], millis[RUNS - 1], RUNS, maxInFlight);
        }
    }

    private static boolean allShown(QuestionService questions, long workspace, List<Long> asked, Set<Long> pushed) {
        for (long id : asked) {
            if (!pushed.contains(id)) {
                return false;
            }
            SubAnswer answer = questions.row(workspace, id).sub().latestAnswer();
            if (answer == null || answer.source() != AnswerSource.MODEL || answer.votes().size() != COPIES) {
                return false;
            }
        }
        return true;
    }
}
