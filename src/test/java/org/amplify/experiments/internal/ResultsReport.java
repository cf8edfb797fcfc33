package org.amplify.experiments.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.experiments.internal.ResultsCommand.RunSummary;

/** {@code docs/results.md}: what was run, on what, and how IA compares with SL on each task. */
final class ResultsReport {

    /** The aim: IA's final accuracy at least this share of SL's ... */
    static final double ACCURACY_SHARE = 0.95;
    /** ... and IA's steps to 95 % at most this multiple of SL's. */
    static final double STEPS_MULTIPLE = 1.5;

    private ResultsReport() {}

    static String markdown(Map<AlgorithmicDomain, Map<Mode, RunSummary>> results, int steps, long wallMillis) {
        StringBuilder md = new StringBuilder();
        md.append("# Results: iterated amplification against supervised learning\n\n");
        md.append("Written by `./mvnw -q test-compile exec:exec@results` (`-Dresults.steps=").append(steps)
                .append("`) on ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append("; do not edit by hand. Machine: ").append(machine()).append(". Total wall time: ")
                .append(minutes(wallMillis)).append(".\n\n");
        ExperimentSettings any = results.values().iterator().next().values().iterator().next().settings();
        md.append(String.format(Locale.ROOT, "Both modes train the same X (width %d, %d layers, %d heads, feed-forward %d) "
                        + "from the same seed (%d) for the same %d Adam steps of %d examples, learning rate %s; IA makes %d "
                        + "amplified targets a step into a replay buffer of %d, its teacher a moving average (decay %s) of X, "
                        + "its curriculum opening the next level at %.0f %% agreement. Accuracy is on %d held-out questions "
                        + "(ground truth), every level equally, evaluated every %d steps: \"steps to 90 %%\" is the first "
                        + "evaluated step at or above it.%n%n",
                any.model().width(), any.model().layers(), any.model().heads(), any.model().feedForward(), any.seed(),
                any.steps(), any.batch(), any.learningRate(), any.targetsPerStep(), any.bufferCapacity(),
                any.teacherDecay(), any.curriculumThreshold() * 100, any.heldOut(), any.evaluateEvery()));
        md.append("| task | N | final accuracy IA | final accuracy SL | IA / SL | steps to 90 % IA | SL "
                + "| steps to 95 % IA | SL | calls to H (IA) | labels (SL) | wall time IA | SL | aim met |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            RunSummary ia = entry.getValue().get(Mode.IA);
            RunSummary sl = entry.getValue().get(Mode.SL);
            double share = sl.last().accuracy() == 0 ? 0 : ia.last().accuracy() / sl.last().accuracy();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2f | %s | %s | %s | %s | %,d | %,d | %s | %s | %s |%n",
                    entry.getKey().name(), ia.settings().size(), ia.last().accuracy(), sl.last().accuracy(), share,
                    steps(ia.stepsTo(0.90)), steps(sl.stepsTo(0.90)), steps(ia.stepsTo(0.95)), steps(sl.stepsTo(0.95)),
                    ia.last().callsToH(), sl.last().labels(), minutes(ia.last().wallMillis()),
                    minutes(sl.last().wallMillis()), aimMet(ia, sl) ? "yes" : "**no**"));
        }
        md.append("\nThe curves: ");
        results.keySet().forEach(d -> md.append("[").append(d.name()).append("](results/").append(d.name())
                .append(".svg) "));
        md.append("\n\n## Where IA falls short of the aim\n\n");
        md.append("The aim: IA's final accuracy at least ").append(ACCURACY_SHARE).append(" of SL's, and at most ")
                .append(STEPS_MULTIPLE).append("× SL's steps to 95 %.\n\n");
        boolean any1 = false;
        for (var entry : results.entrySet()) {
            RunSummary ia = entry.getValue().get(Mode.IA);
            RunSummary sl = entry.getValue().get(Mode.SL);
            if (!aimMet(ia, sl)) {
                any1 = true;
                md.append("- **").append(entry.getKey().name()).append("**: ").append(shortfall(entry.getKey(), ia, sl)).append('\n');
            }
        }
        if (!any1) {
            md.append("Nowhere: every task met it.\n");
        }
        md.append("\nMeeting the aim says only that IA kept up with SL. Where SL itself stays below 90 %, neither "
                + "learned the task within this budget: ");
        List<String> unlearned = results.entrySet().stream()
                .filter(e -> e.getValue().get(Mode.SL).last().accuracy() < 0.90).map(e -> e.getKey().name()).toList();
        md.append(unlearned.isEmpty() ? "no such task.\n" : String.join(", ", unlearned) + ".\n");
        md.append('\n').append(accuracyByKind(results)).append('\n').append(notes());
        return md.toString();
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

    private static String accuracyByKind(Map<AlgorithmicDomain, Map<Mode, RunSummary>> results) {
        StringBuilder md = new StringBuilder("## Final accuracy by kind of question\n\n| task | kind | IA | SL |\n|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            Map<String, Double> ia = entry.getValue().get(Mode.IA).last().accuracyByKind();
            Map<String, Double> sl = entry.getValue().get(Mode.SL).last().accuracyByKind();
            for (String kind : sl.keySet()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f |%n", entry.getKey().name(), kind,
                        ia.getOrDefault(kind, Double.NaN), sl.get(kind)));
            }
        }
        return md.toString();
    }

    private static String notes() {
        return resource("/results-notes.md");
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
