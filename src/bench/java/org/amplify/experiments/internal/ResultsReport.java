package org.amplify.experiments.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.experiments.internal.ResultsCommand.RunSummary;

/**
 * {@code docs/results.md}: what was run, on what, and how IA compares with SL on each task; the
 * numbers worked out here, the text in the template {@code reports/results.md}.
 */
final class ResultsReport {

    /** The aim: IA's final accuracy at least this share of SL's ... */
    static final double ACCURACY_SHARE = 0.95;
    /** ... and IA's steps to 95 % at most this multiple of SL's. */
    static final double STEPS_MULTIPLE = 1.5;

    private ResultsReport() {}

    /** A task's row of the table; numbers as the report writes them. */
    record Row(String task, int size, String iaAccuracy, String slAccuracy, String share, String iaTo90,
            String slTo90, String iaTo95, String slTo95, String callsToH, String labels, String iaWall, String slWall,
            boolean aimMet) {}

    /** A task that fell short of the aim, and why. */
    record Shortfall(String task, String why) {}

    /** A task's final accuracy on one kind of question. */
    record KindRow(String task, String kind, String ia, String sl) {}

    static String markdown(Map<AlgorithmicDomain, Map<Mode, RunSummary>> results, int steps, long wallMillis) {
        Map<String, Object> report = new HashMap<>();
        report.put("steps", steps);
        report.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE));
        report.put("machine", machine());
        report.put("wall", minutes(wallMillis));
        ExperimentSettings any = results.values().iterator().next().values().iterator().next().settings();
        report.put("settings", any);
        report.put("curriculumPercent", String.format(Locale.ROOT, "%.0f", any.curriculum().threshold() * 100));
        List<Row> rows = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        List<KindRow> kinds = new ArrayList<>();
        for (var entry : results.entrySet()) {
            String task = entry.getKey().name();
            RunSummary ia = entry.getValue().get(Mode.IA);
            RunSummary sl = entry.getValue().get(Mode.SL);
            double share = sl.last().accuracy() == 0 ? 0 : ia.last().accuracy() / sl.last().accuracy();
            rows.add(new Row(task, ia.settings().size(), accuracy(ia.last().accuracy()), accuracy(sl.last().accuracy()),
                    String.format(Locale.ROOT, "%.2f", share), steps(ia.stepsTo(0.90)), steps(sl.stepsTo(0.90)),
                    steps(ia.stepsTo(0.95)), steps(sl.stepsTo(0.95)), count(ia.last().callsToH()),
                    count(sl.last().labels()), minutes(ia.last().wallMillis()), minutes(sl.last().wallMillis()),
                    aimMet(ia, sl)));
            if (!aimMet(ia, sl)) {
                shortfalls.add(new Shortfall(task, shortfall(entry.getKey(), ia, sl)));
            }
            Map<String, Double> iaByKind = ia.last().accuracyByKind();
            sl.last().accuracyByKind().forEach((kind, slAccuracy) -> kinds.add(new KindRow(task, kind,
                    accuracy(iaByKind.getOrDefault(kind, Double.NaN)), accuracy(slAccuracy))));
        }
        report.put("rows", rows);
        report.put("shortfalls", shortfalls);
        report.put("kinds", kinds);
        report.put("accuracyShare", ACCURACY_SHARE);
        report.put("stepsMultiple", STEPS_MULTIPLE);
        report.put("unlearned", results.entrySet().stream().filter(e -> e.getValue().get(Mode.SL).last().accuracy() < 0.90)
                .map(e -> e.getKey().name()).toList());
        report.put("notes", resource("/results-notes.md"));
        return ReportTemplates.render("results.md", report);
    }

    static boolean aimMet(RunSummary ia, RunSummary sl) {
        boolean accuracy = ia.last().accuracy() >= ACCURACY_SHARE * sl.last().accuracy();
        int slSteps = sl.stepsTo(0.95);
        int iaSteps = ia.stepsTo(0.95);
        // when SL never reaches 95 %, the steps cannot be compared: only the accuracy counts
        boolean speed = slSteps < 0 || iaSteps >= 0 && iaSteps <= STEPS_MULTIPLE * slSteps;
        return accuracy && speed;
    }

    private static String shortfall(AlgorithmicDomain domain, RunSummary ia, RunSummary sl) {
        StringBuilder why = new StringBuilder();
        double iaAccuracy = ia.last().accuracy();
        double slAccuracy = sl.last().accuracy();
        if (iaAccuracy < ACCURACY_SHARE * slAccuracy) {
            why.append(String.format(Locale.ROOT, "IA ends at %.3f, %.2f of SL's %.3f", iaAccuracy,
                    iaAccuracy / slAccuracy, slAccuracy));
        }
        int slSteps = sl.stepsTo(0.95);
        int iaSteps = ia.stepsTo(0.95);
        if (slSteps >= 0 && (iaSteps < 0 || iaSteps > STEPS_MULTIPLE * slSteps)) {
            why.append(why.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                    "SL reaches 95 %% at step %d, IA %s", slSteps, iaSteps < 0 ? "not at all" : "at step " + iaSteps));
        }
        ExperimentPoint last = ia.last();
        int levels = ia.settings().levels(domain);
        why.append(String.format(Locale.ROOT, "; IA's curriculum had opened %d of %d levels", last.openLevels(),
                levels));
        return why.toString();
    }

    private static String accuracy(double accuracy) {
        return String.format(Locale.ROOT, "%.3f", accuracy);
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A text resource of the tests (a hand-written part of a report), empty when there is none. */
    static String resource(String name) {
        try (var in = ResultsReport.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String steps(int steps) {
        return steps < 0 ? "not reached" : String.valueOf(steps);
    }

    static String minutes(long millis) {
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpu = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU stays unknown
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s %s, Java %s, CPU only (DJL %s, PyTorch engine)",
                cpu, Runtime.getRuntime().availableProcessors(), memory / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                ai.djl.engine.Engine.getDjlVersion());
    }
}
