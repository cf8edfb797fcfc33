package org.amplify.questions;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amplify.AmplifyApplication;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A benchmark, not a test: wrk-like load on a signed-in expert's workspace page. A {@code text}
 * tree's root workspace asks 8 subquestions, each answered (corrected by the expert); then
 * {@code benchmark.connections} (default 32) connections GET the page back to back for
 * {@code benchmark.seconds} (default 20), after a 5 s warm-up, and it prints requests/s, p50, p90
 * and p99 (each response must be a 200 that shows all 8 answers). Also the same for
 * {@code /actuator/health} as the app's floor. The app runs on the embedded PostgreSQL of a fresh
 * data directory (the {@code test} profile), logging at WARN.
 *
 * <pre>./mvnw -q test-compile exec:exec@workspace-benchmark [-Dbenchmark.connections=32 -Dbenchmark.seconds=20]</pre>
 */
public final class WorkspacePageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("benchmark.connections", 32);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        SpringApplication app = new SpringApplication(AmplifyApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--jobrunr.background-job-server.enabled=false")) {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            TestAccounts accounts = context.getBean(TestAccounts.class);
            Account expert = accounts.user("benchmark-expert", org.amplify.accounts.Role.EXPERT);
            long ws = answeredWorkspace(context, expert.id());

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            signIn(http, base, "benchmark-expert", TestAccounts.PASSWORD);
            URI page = URI.create(base + "/workspaces/" + ws);
            String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
            long rows = Pattern.compile("class=\"subquestion ").matcher(body).results().count();
            System.out.printf(Locale.ROOT, "workspace #%d: %d subquestion rows, %,d bytes a page%n", ws, rows,
                    body.length());
            if (rows != 8) {
                throw new IllegalStateException("the page shows " + rows + " subquestions, not 8");
            }
            load(http, page, connections, 5, "warm-up");
            load(http, page, connections, seconds, "workspace page");
            load(http, URI.create(base + "/actuator/health"), connections, seconds, "/actuator/health");
        }
    }

    /** A text tree's root workspace with 8 subquestions, each with an expert's answer. */
    static long answeredWorkspace(ConfigurableApplicationContext context, long expertId) {
        QuestionService questions = context.getBean(QuestionService.class);
        WorkspaceService work = context.getBean(WorkspaceService.class);
        long ws = questions.createTree(new NewTree("text", "Did the 1854 Broad Street outbreak show that cholera "
                + "spreads through water?", "John Snow mapped the deaths around the Broad Street pump. The pump's "
                + "handle was removed on 8 September. Most of the dead had drunk its water.", null, null, null, null,
                null, null), expertId);
        for (int i = 1; i <= 8; i++) {
            long sub = work.ask(ws, "Which fact number " + i + " supports the water theory?", "Broad Street pump",
                    expertId);
            long waited = System.nanoTime();
            while (questions.row(ws, sub).sub().latestAnswer() == null) { // the copies' side answers (no model: people)
                if (System.nanoTime() - waited > 30e9) {
                    throw new IllegalStateException("subquestion " + sub + " got no answer");
                }
                Thread.onSpinWait();
            }
            work.feedback(sub, Verdict.CORRECT, "Fact " + i + ": the deaths cluster around the pump.", expertId);
        }
        return ws;
    }

    private static void signIn(HttpClient http, String base, String username, String password) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 302 || done.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in answered " + done.statusCode());
        }
    }

    /** {@code connections} threads GET the URI back to back for the time given; prints the figures. */
    private static void load(HttpClient http, URI uri, int connections, int seconds, String label)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread thread = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).build();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - start;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: %d connections, %d s: %,d requests, %.0f requests/s, p50 %.1f ms, "
                + "p90 %.1f ms, p99 %.1f ms, %d failed%n", label, connections, seconds, all.length, all.length / elapsed,
                percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99), failures.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
