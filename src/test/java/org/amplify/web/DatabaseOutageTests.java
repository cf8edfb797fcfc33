package org.amplify.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops under a running app, for 30 s and then for 120 s, and comes back on the same
 * port: meanwhile health answers DOWN at once, pages a 503 "database unavailable" page and the API a
 * 503 problem, quickly (no request hangs), never a 500; afterwards the app recovers by itself,
 * health UP, and an experiment started after the return runs to the end, with no restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"amplify.jobs.watchdog-interval=2s", "amplify.test.shared-database=false"})
class DatabaseOutageTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestAccounts accounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean stopped;
    private Path pgCtl;
    private Path cluster;

    @Test
    void theAppAnswers503DuringAnOutageOf30And120SecondsAndRecoversByItself() throws Exception {
        String token = accounts.token(accounts.admin());
        assertThat(health()).isEqualTo(200);
        for (Duration outage : List.of(Duration.ofSeconds(30), Duration.ofSeconds(120))) {
            stopDatabase();
            long stoppedAt = System.nanoTime();
            assertThat(health()).as("health DOWN after the stop").isEqualTo(503);
            assertThat(seconds(stoppedAt)).as("health answered within 3 s of the stop").isLessThan(3.0);

            List<Double> answerSeconds = new ArrayList<>();
            while (seconds(stoppedAt) < outage.toSeconds()) {
                long asked = System.nanoTime();
                HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html"));
                assertThat(page.statusCode()).as("a page during the outage").isEqualTo(503);
                assertThat(page.body()).contains("The database is unavailable").doesNotContain("Exception");
                HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/experiments"))
                        .header("Authorization", "Bearer " + token));
                assertThat(api.statusCode()).as("the API during the outage: %s", api.body()).isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
                assertThat(api.headers().firstValue("Retry-After")).isPresent();
                answerSeconds.add(seconds(asked));
                Thread.sleep(5_000);
            }
            assertThat(answerSeconds).as("no request hangs").allSatisfy(s -> assertThat(s).isLessThan(8.0));

            startDatabase();
            long backAt = System.nanoTime();
            while (health() != 200) {
                assertThat(seconds(backAt)).as("health UP within 30 s of the return").isLessThan(30.0);
                Thread.sleep(500);
            }
            System.out.printf("DatabaseOutageTests: %s outage, health UP %.1f s after the return, answers during "
                    + "it took at most %.2f s%n", outage, seconds(backAt),
                    answerSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(0));

            HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/experiments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"domain": "permutation-powering", "mode": "SL", "size": 8, "steps": 20, "batch": 16,
                             "evaluateEvery": 10, "seed": 3}""")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = JSON.readTree(created.body()).get("id").asLong();
            long startedAt = System.nanoTime();
            while (true) {
                JsonNode experiment = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/experiments/" + id))
                        .header("Authorization", "Bearer " + token)).body());
                String status = experiment.get("status").asString();
                if (status.equals("SUCCEEDED")) {
                    break;
                }
                assertThat(status).as("experiment %d after a %s outage", id, outage).isIn("QUEUED", "RUNNING");
                assertThat(seconds(startedAt)).as("the experiment ran within 90 s").isLessThan(90.0);
                Thread.sleep(500);
            }
        }
    }

    @AfterEach
    void databaseBack() throws Exception {
        if (stopped) {
            startDatabase();
        }
    }

    private int health() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/actuator/health"))).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The server's data directory, as it reports it (asked while it runs, kept for the restarts). */
    private Path cluster() throws java.sql.SQLException {
        if (cluster == null) {
            try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                    java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet rs = statement.executeQuery("SHOW data_directory")) {
                rs.next();
                cluster = Path.of(rs.getString(1)).toAbsolutePath();
            }
        }
        return cluster;
    }

    private void stopDatabase() throws Exception {
        pgCtl("-D", cluster().toString(), "-m", "fast", "-w", "-t", "30", "stop");
        stopped = true;
    }

    private void startDatabase() throws Exception {
        Path log = cluster().resolveSibling("restarted-postgres.log");
        pgCtl("-D", cluster().toString(), "-w", "-t", "60", "-l", log.toString(), "-o",
                "-p " + postgres.getPort() + " -c listen_addresses=localhost -c fsync=off", "start");
        stopped = false;
    }

    /** pg_ctl of the binaries zonky extracted, as zonky runs it (in a user namespace when root). */
    private void pgCtl(String... arguments) throws Exception {
        if (pgCtl == null) { // found while the server runs: its postmaster's own binary
            long postmaster = Long.parseLong(Files.readAllLines(cluster().resolve("postmaster.pid")).get(0).trim());
            pgCtl = ProcessHandle.of(postmaster).flatMap(p -> p.info().command())
                    .map(command -> Path.of(command).resolveSibling("pg_ctl")).orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("pg_ctl %s: %s", List.of(arguments), output).isZero();
    }
}
