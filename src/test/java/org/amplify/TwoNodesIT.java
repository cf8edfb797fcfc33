package org.amplify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.web.HttpBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the packaged app on one PostgreSQL, as child processes: a session made on A is
 * signed in on B; failed sign-ins on A lock the user name on B; a model trained on A is promoted
 * and kept on B (its file fetched from the database and checked) and B's copies answer a subquestion
 * asked on B with it; a node killed with {@code kill -9}
 * leaves the other serving, and neither its new start nor the other's heartbeat marks a live node's
 * running experiment as interrupted, while the running work of a node that is gone is.
 * Node B runs no job server, so that the work is A's for sure.
 */
class TwoNodesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "two-nodes-admin-password";

    private final AppProcesses apps = new AppProcesses();
    private final Path root = Path.of("target/two-nodes-" + System.currentTimeMillis()).toAbsolutePath();
    private EmbeddedPostgres database;

    @Test
    void twoNodesShareSessionsThrottlingModelsAndRunsSurviveTheOthersKill9() throws Exception {
        assertThat(apps.jar()).exists();
        database = EmbeddedPostgres.builder().start();
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE amplify");
        }
        int portA = AppProcesses.freePort();
        int portB = AppProcesses.freePort();
        Process a = start("a", portA, true);
        Process b = start("b", portB, false);
        String nodeA = "http://localhost:" + portA;
        String nodeB = "http://localhost:" + portB;

        // a session made on A is signed in on B
        HttpBrowser admin = new HttpBrowser(nodeA);
        assertThat(admin.signIn("admin", ADMIN_PASSWORD)).isTrue();
        assertThat(admin.at(nodeB).get("/admin/users").statusCode()).as("A's session on B").isEqualTo(200);
        HttpResponse<String> created = admin.at(nodeB).submit("/admin/users", "/admin/users", Map.of(
                "username", "two-node-expert", "displayName", "Two Node Expert", "password", "expert-password-1",
                "roles", "EXPERT"));
        assertThat(created.statusCode()).isEqualTo(302);

        // failed sign-ins on A lock the user name on B, even for the right password
        HttpBrowser guesser = new HttpBrowser(nodeA);
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.signInAndGetLocation("two-node-expert", "wrong-" + i)).endsWith("/login?error");
        }
        assertThat(new HttpBrowser(nodeB).signInAndGetLocation("two-node-expert", "expert-password-1"))
                .as("the sixth attempt, on the other node").contains("/login?locked=");

        // a model trained on A (B runs no jobs) is promoted on B, its file fetched from the database
        String token = issueToken(admin.at(nodeB));
        long experiment = startExperiment(nodeB, token, """
                {"domain": "permutation-powering", "mode": "SL", "size": 8, "steps": 20, "batch": 16,
                 "evaluateEvery": 10, "seed": 5}""");
        JsonNode done = waitFor(nodeA, token, experiment, "SUCCEEDED", Duration.ofSeconds(90));
        long model = done.get("modelVersionId").asLong();
        JsonNode version = JSON.readTree(api(nodeB, token, "/api/v1/models/" + model).body());
        String artifact = "models/permutation-powering/" + version.get("version").asInt() + "/model.bin";
        assertThat(root.resolve("a/" + artifact)).as("trained on A").exists();
        assertThat(root.resolve("b/" + artifact)).as("not yet on B").doesNotExist();
        HttpResponse<String> promoted = admin.at(nodeB).submit("/models?domain=permutation-powering",
                "/models/" + model + "/promote", Map.of());
        assertThat(promoted.statusCode()).isEqualTo(302);
        assertThat(admin.at(nodeB).page("/models?domain=permutation-powering")).contains("is the champion now");
        assertThat(Files.readAllBytes(root.resolve("b/" + artifact))).as("B keeps the same bytes")
                .isEqualTo(Files.readAllBytes(root.resolve("a/" + artifact)));

        // B's copies answer a subquestion asked on B with the model trained on A
        String name = firstName();
        HttpResponse<String> tree = admin.at(nodeB).submit("/trees", "/trees", Map.of("domain", "permutation-powering",
                "question", name + " 0 0 0 1 0 1", "size", "8", "seed", "42"));
        assertThat(tree.statusCode()).as(tree.body()).isEqualTo(302);
        String workspace = URI.create(tree.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> asked = admin.at(nodeB).submit(workspace, workspace + "/subquestions",
                Map.of("text", name + " 0 0 0 0 1 0"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        long asking = System.nanoTime();
        String modelName = ">permutation-powering v" + version.get("version").asInt() + "<";
        while (!admin.at(nodeB).page(workspace).contains(modelName)) {
            assertThat(Duration.ofNanos(System.nanoTime() - asking)).as("B's copies answer with model " + model)
                    .isLessThan(Duration.ofSeconds(30));
            Thread.sleep(250);
        }

        // kill -9 of B while A runs an experiment: A keeps serving and running, B's new start leaves it alone
        long running = startExperiment(nodeA, token, """
                {"domain": "permutation-powering", "mode": "SL", "size": 8, "steps": 200000, "batch": 16,
                 "evaluateEvery": 5, "seed": 6}""");
        waitFor(nodeA, token, running, "RUNNING", Duration.ofSeconds(60));
        b.destroyForcibly().waitFor();
        assertThat(new HttpBrowser(nodeA).get("/login").statusCode()).as("A serves on").isEqualTo(200);
        b = start("b", portB, false);
        Thread.sleep(12_000); // past the nodes' timeout (10 s): B's heartbeats have run their sweeps
        assertThat(status(nodeB, token, running)).as("A's running work, after B's kill -9 and new start")
                .isEqualTo("RUNNING");

        // kill -9 of A, which runs it: B, still serving, marks it INTERRUPTED once A's heartbeat is gone
        a.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        while (!status(nodeB, token, running).equals("INTERRUPTED")) {
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("the gone node's run is interrupted")
                    .isLessThan(Duration.ofSeconds(40));
            Thread.sleep(1_000);
        }
        assertThat(admin.at(nodeB).get("/admin/users").statusCode()).as("B serves on, same session").isEqualTo(200);
    }

    @AfterEach
    void stopAll() throws Exception {
        apps.close();
        if (database != null) {
            database.close();
        }
    }

    private Process start(String node, int port, boolean jobs) throws IOException, InterruptedException {
        return apps.start("node " + node, port, root.resolve(node),
                root.resolve(node + "-" + apps.startupMillis().size() + ".log"), List.of(
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "amplify"),
                        "--spring.datasource.username=postgres",
                        "--amplify.accounts.admin-password=" + ADMIN_PASSWORD,
                        "--amplify.nodes.heartbeat=2s", "--amplify.nodes.timeout=10s",
                        "--jobrunr.background-job-server.enabled=" + jobs));
    }

    /** A name of the seed-42 context of size 8 (its first fact's). */
    private static String firstName() {
        var domain = new PermutationPowering();
        var context = domain.generate(8, new SplittableRandom(42L));
        return domain.vocabulary().symbol(context.facts()[0][0]);
    }

    private static String issueToken(HttpBrowser admin) throws Exception {
        HttpResponse<String> page = admin.submit("/account", "/account/tokens", Map.of("name", "two nodes"));
        assertThat(page.statusCode()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("amp_[A-Za-z0-9_-]+").matcher(page.body());
        assertThat(token.find()).as("the new token on the page").isTrue();
        return token.group();
    }

    private static long startExperiment(String node, String token, String json) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node + "/api/v1/experiments")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static JsonNode waitFor(String node, String token, long id, String status, Duration limit)
            throws Exception {
        long begin = System.nanoTime();
        while (true) {
            JsonNode experiment = JSON.readTree(api(node, token, "/api/v1/experiments/" + id).body());
            if (experiment.get("status").asString().equals(status)) {
                return experiment;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("experiment %d %s: %s", id, status, experiment)
                    .isLessThan(limit);
            Thread.sleep(250);
        }
    }

    private static String status(String node, String token, long id) throws Exception {
        return JSON.readTree(api(node, token, "/api/v1/experiments/" + id).body()).get("status").asString();
    }

    private static HttpResponse<String> api(String node, String token, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response;
    }
}
