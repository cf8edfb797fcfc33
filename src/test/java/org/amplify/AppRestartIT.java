package org.amplify;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application, run as a person runs it: a child process with no database configured.
 * It makes the first admin with a generated password, keeps a user created in the admin page across
 * a clean restart, and across a {@code kill -9} (which leaves its PostgreSQL running, orphaned)
 * followed by a new start. An experiment running when the app is killed is INTERRUPTED after the new
 * start, with the points it had made. A distillation round killed while it trains is INTERRUPTED after
 * the next start: every transcript is still there, it registered no model and left no file.
 */
class AppRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AppProcesses apps = new AppProcesses();
    private final Path dataDir = Path.of("target/it-data-" + System.currentTimeMillis()).toAbsolutePath();
    private final int port = AppProcesses.freePort();

    @Test
    void dataSurvivesARestartAndAKill9() throws Exception {
        assertThat(apps.jar()).exists();

        Process app = start();
        Path passwordFile = dataDir.resolve("initial-admin-password");
        assertThat(passwordFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String adminPassword = Files.readString(passwordFile).trim();
        assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(16);

        Browser admin = new Browser();
        assertThat(admin.signIn("admin", adminPassword)).as("the admin signs in with the generated password").isTrue();
        admin.createUser("persisted-expert", "persisted-password-1");
        assertThat(new Browser().signIn("persisted-expert", "persisted-password-1")).isTrue();

        stop(app);
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("a clean stop stops PostgreSQL").doesNotExist();

        app = start();
        assertThat(new Browser().signIn("persisted-expert", "persisted-password-1"))
                .as("the user is still there after a restart").isTrue();
        assertThat(Files.readString(passwordFile).trim()).as("the admin is made once").isEqualTo(adminPassword);

        Browser experimenter = new Browser();
        assertThat(experimenter.signIn("admin", adminPassword)).isTrue();
        long experiment = experimenter.startExperiment("""
                {"domain": "permutation-powering", "mode": "SL", "steps": 200000, "batch": 16, "evaluateEvery": 5}""");
        int pointsBeforeKill = experimenter.waitForPoints(experiment, Duration.ofSeconds(120));

        app.destroyForcibly().waitFor();
        Optional<ProcessHandle> orphan = postmaster();
        assertThat(orphan).as("kill -9 leaves the embedded PostgreSQL running").isPresent();

        app = start();
        assertThat(orphan.get().isAlive()).as("the orphaned server was stopped").isFalse();
        assertThat(new Browser().signIn("persisted-expert", "persisted-password-1"))
                .as("the user is still there after kill -9 and a new start").isTrue();
        Browser afterKill = new Browser();
        assertThat(afterKill.signIn("admin", adminPassword)).isTrue();
        JsonNode interrupted = afterKill.getJson("/api/v1/experiments/" + experiment);
        assertThat(interrupted.get("status").asString()).as("the experiment running at kill -9").isEqualTo("INTERRUPTED");
        assertThat(afterKill.getJson("/api/v1/experiments/" + experiment + "/points").size())
                .as("its points are kept").isGreaterThanOrEqualTo(pointsBeforeKill);
        Thread.sleep(6000); // a poll of the job server: it does not run the experiment again
        assertThat(afterKill.getJson("/api/v1/experiments/" + experiment).get("status").asString())
                .isEqualTo("INTERRUPTED");

        // a distillation round killed while it trains: interrupted, no transcript lost, nothing registered
        for (int i = 0; i < 12; i++) {
            afterKill.answerTextQuestion("What is question number " + i + "?", "answer " + (i % 3));
        }
        long round = afterKill.startRound("{\"domain\": \"text\", \"epochs\": 500, \"autoPromote\": true}");
        afterKill.waitForTraining(round, Duration.ofSeconds(120));
        app.destroyForcibly().waitFor();
        app = start();
        Browser afterSecondKill = new Browser();
        assertThat(afterSecondKill.signIn("admin", adminPassword)).isTrue();
        JsonNode killedRound = afterSecondKill.getJson("/api/v1/rounds/" + round);
        assertThat(killedRound.get("status").asString()).as("the round training at kill -9").isEqualTo("INTERRUPTED");
        assertThat(killedRound.get("modelVersionId").isNull()).as("it registered nothing").isTrue();
        String trees = afterSecondKill.getPage("/trees");
        for (int i = 0; i < 12; i++) {
            assertThat(trees).as("no transcript is lost").contains("What is question number " + i + "?");
        }
        assertThat(afterSecondKill.getPage("/models?domain=text")).as("the champion is unchanged: none")
                .doesNotContain("champion</span>");
        assertThat(dataDir.resolve("models/text")).as("no file, whole or partial, of a text model").doesNotExist();
        stop(app);

        System.out.printf("AppRestartIT start-up to the login page (ms): first start %d, after a restart %d, "
                + "after kill -9 %d%n", apps.startupMillis().get(0), apps.startupMillis().get(1),
                apps.startupMillis().get(2));
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        apps.close();
        postmaster().ifPresent(ProcessHandle::destroy);
    }

    private Process start() throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + apps.startupMillis().size() + ".log");
        return apps.start("the app", port, dataDir, log, List.of());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: Spring closes the context, which stops PostgreSQL
        process.waitFor();
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    /** A person in a browser: a cookie jar, the CSRF token of each form, no redirects followed. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        boolean signIn(String username, String password) throws Exception {
            HttpResponse<String> done = submit("/login", "/login", Map.of("username", username, "password", password));
            return done.statusCode() == 302
                    && !done.headers().firstValue("Location").orElse("").contains("error");
        }

        /** Starts an experiment through the API with this session (and its CSRF token); returns its id. */
        long startExperiment(String json) throws Exception {
            String page = http.send(request("/experiments").build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("a CSRF token on /experiments").isTrue();
            HttpResponse<String> created = http.send(request("/api/v1/experiments")
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf.group(1))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return JSON.readTree(created.body()).get("id").asLong();
        }

        /** Waits until the experiment has made points; returns how many. */
        int waitForPoints(long id, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                int points = getJson("/api/v1/experiments/" + id + "/points").size();
                if (points > 0) {
                    return points;
                }
                assertThat(System.nanoTime()).as("experiment %d made no point within %s", id, limit).isLessThan(deadline);
                Thread.sleep(250);
            }
        }

        /** Asks a text question as a new tree and submits its answer at once: one transcript. */
        void answerTextQuestion(String question, String answer) throws Exception {
            HttpResponse<String> created = submit("/trees", "/trees", Map.of("domain", "text", "question", question));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
            String workspace = created.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/workspaces/\\d+)$", "$1");
            HttpResponse<String> submitted = submit(workspace, workspace + "/submit", Map.of("version", "0",
                    "draftAnswer", answer));
            assertThat(submitted.statusCode()).isEqualTo(302);
        }

        /** Starts a round through the API with this session; returns its id. */
        long startRound(String json) throws Exception {
            String page = getPage("/rounds");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("a CSRF token on /rounds").isTrue();
            HttpResponse<String> created = http.send(request("/api/v1/rounds")
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf.group(1))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return JSON.readTree(created.body()).get("id").asLong();
        }

        /** Waits until the round has taken training steps. */
        void waitForTraining(long id, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                JsonNode round = getJson("/api/v1/rounds/" + id);
                if (round.get("phase").asString().equals("TRAIN") && round.get("step").asInt() > 0) {
                    return;
                }
                assertThat(round.get("status").asString()).as("round %d ended before training", id)
                        .isIn("QUEUED", "RUNNING");
                assertThat(System.nanoTime()).as("round %d did not train within %s", id, limit).isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        String getPage(String path) throws Exception {
            HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }

        JsonNode getJson(String path) throws Exception {
            HttpResponse<String> response = http.send(request(path).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        void createUser(String username, String password) throws Exception {
            HttpResponse<String> done = submit("/admin/users", "/admin/users",
                    Map.of("username", username, "displayName", "Persisted Expert", "password", password,
                            "roles", "EXPERT"));
            assertThat(done.statusCode()).isEqualTo(302);
            String list = http.send(request("/admin/users").build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(list).contains(username);
        }

        private HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
                throws Exception {
            String page = http.send(request(formPage).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")) + "&_csrf=" + csrf.group(1);
            return http.send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
