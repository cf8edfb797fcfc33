package org.amplify.datasets.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.amplify.AmplifyApplication;
import org.amplify.accounts.TestAccounts;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark, not a test: exports a snapshot of {@code benchmark.transcripts} (default 1 000 000)
 * transcripts through the API's streaming path (HTTP, a researcher's token, JSON Lines) and, in the
 * same run on the same database, has PostgreSQL itself write the same rows with
 * {@code COPY (SELECT ...) TO STDOUT} (pgjdbc's {@code CopyManager}; the SELECT is the export's own,
 * so PostgreSQL builds the same JSON). Prints MB/s of both, their ratio and the peak heap during
 * each export (sampled every 5 ms); medians over {@code benchmark.runs} runs (default 3), the order
 * of the two alternating from run to run. The transcripts are made with {@code generate_series}
 * in the embedded PostgreSQL of a fresh data directory (the {@code test} profile).
 *
 * <pre>./mvnw -q test-compile exec:exec@export-benchmark [-Dbenchmark.transcripts=100000 -Dbenchmark.runs=3]</pre>
 */
public final class ExportBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        int transcripts = Integer.getInteger("benchmark.transcripts", 1_000_000);
        int runs = Integer.getInteger("benchmark.runs", 3);
        SpringApplication app = new SpringApplication(AmplifyApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--jobrunr.background-job-server.enabled=false")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DataSource dataSource = context.getBean(DataSource.class);
            TestAccounts accounts = context.getBean(TestAccounts.class);
            String token = accounts.token(accounts.researcher());
            long start = System.nanoTime();
            long snapshot = BulkTranscripts.create(jdbc, transcripts, accounts.expert().id());
            System.out.printf("made %,d transcripts (snapshot %d) with generate_series in %.0f s%n", transcripts,
                    snapshot, (System.nanoTime() - start) / 1e9);
            URI uri = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                    + "/api/v1/snapshots/" + snapshot + "/transcripts");
            String copy = "COPY (" + TranscriptSql.snapshotRecordsOnly(snapshot) + ") TO STDOUT";
            if (Boolean.getBoolean("benchmark.explain")) {
                jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + TranscriptSql.snapshotRecordsOnly(snapshot),
                        (java.sql.ResultSet rs) -> System.out.println(rs.getString(1)));
            }
            HeapSampler heap = new HeapSampler();
            heap.start();

            double[] apiRates = new double[runs];
            double[] copyRates = new double[runs];
            long[] apiPeaks = new long[runs];
            long[] copyPeaks = new long[runs];
            for (int run = 0; run < runs; run++) {
                for (int half = 0; half < 2; half++) {
                    boolean api = (run + half) % 2 == 0;
                    System.gc();
                    long baseline = MEMORY.getHeapMemoryUsage().getUsed();
                    heap.reset();
                    long began = System.nanoTime();
                    Counted counted = api ? viaApi(uri, token) : viaCopy(dataSource, copy);
                    double seconds = (System.nanoTime() - began) / 1e9;
                    long peak = heap.peak();
                    double rate = counted.bytes / 1e6 / seconds;
                    if (counted.lines != transcripts) {
                        throw new IllegalStateException((api ? "API" : "COPY") + " gave " + counted.lines
                                + " lines, not " + transcripts);
                    }
                    (api ? apiRates : copyRates)[run] = rate;
                    (api ? apiPeaks : copyPeaks)[run] = peak;
                    System.out.printf("run %d %-4s %,15d bytes %,10d lines in %6.1f s: %6.1f MB/s, %,9.0f lines/s; "
                            + "heap: %4d MB before, peak %4d MB%n", run + 1, api ? "API" : "COPY", counted.bytes,
                            counted.lines, seconds, rate, counted.lines / seconds, baseline >> 20, peak >> 20);
                }
            }
            double api = median(apiRates);
            double pg = median(copyRates);
            System.out.printf("%,d transcripts, median of %d runs: API (JSON Lines over HTTP) %.1f MB/s, "
                    + "PostgreSQL COPY %.1f MB/s, ratio %.2f; peak heap during the API export %d MB "
                    + "(max of runs; -Xmx %d MB)%n", transcripts, runs, api, pg, api / pg,
                    Arrays.stream(apiPeaks).max().orElse(0) >> 20, MEMORY.getHeapMemoryUsage().getMax() >> 20);
            heap.interrupt();
        }
    }

    private record Counted(long bytes, long lines) {}

    private static Counted viaApi(URI uri, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the API answered " + response.statusCode());
        }
        CountingStream counter = new CountingStream();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                counter.write(buffer, 0, read);
            }
        }
        return new Counted(counter.bytes, counter.lines);
    }

    private static Counted viaCopy(DataSource dataSource, String copy) throws Exception {
        CountingStream counter = new CountingStream();
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, counter);
        }
        return new Counted(counter.bytes, counter.lines);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Counts bytes and newlines, keeps nothing. */
    private static final class CountingStream extends OutputStream {

        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    /** The most heap in use since the last reset, sampled every 5 ms. */
    private static final class HeapSampler extends Thread {

        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        void reset() {
            peak.set(MEMORY.getHeapMemoryUsage().getUsed());
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
