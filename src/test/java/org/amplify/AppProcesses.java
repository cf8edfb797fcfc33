package org.amplify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged app as child processes, for the ITs that restart or kill it: each started with
 * {@code java -jar} on a port and a data directory of its own (no SPRING_ or AMPLIFY_ variable of
 * this JVM's environment), its output in a log, and waited for until it serves the login page. A
 * process that exits or does not serve within the limit fails the test with its log's tail.
 */
final class AppProcesses implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Path jar = Path.of(System.getProperty("amplify.jar", "target/amplify.jar"));
    private final List<Process> started = new ArrayList<>();
    private final List<Long> startupMillis = new ArrayList<>();

    Path jar() {
        return jar;
    }

    /** How long each start took until the login page answered 200, in ms. */
    List<Long> startupMillis() {
        return startupMillis;
    }

    /**
     * Starts the app and waits until it serves.
     *
     * @param arguments the app's arguments besides {@code --server.port} and {@code --amplify.data-dir}
     */
    Process start(String name, int port, Path dataDir, Path log, List<String> arguments)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        // the C1 compiler only, as the test JVMs: a node starts in about half the time on 2 cores
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true",
                "-jar", jar.toString(),
                "--server.port=" + port, "--amplify.data-dir=" + dataDir));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(n -> n.startsWith("SPRING_") || n.startsWith("AMPLIFY_"));
        long begin = System.nanoTime();
        Process process = builder.start();
        started.add(process);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            if (Duration.ofNanos(System.nanoTime() - begin).compareTo(STARTUP_LIMIT) > 0) {
                throw new AssertionError(name + " did not serve the login page within " + STARTUP_LIMIT + ":\n"
                        + tail(log));
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupMillis.add((System.nanoTime() - begin) / 1_000_000);
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    /** Stops every process still running (SIGTERM: Spring closes its context) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
