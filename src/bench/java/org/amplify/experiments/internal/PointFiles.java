package org.amplify.experiments.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.Mode;

/**
 * The points of a measuring command's runs, one CSV file per task and mode, named with the step
 * budget, so that a report can be written from every run made so far by any process.
 */
final class PointFiles {

    private static final String HEADER = "step,accuracy,loss,callsToH,labels,openLevels,wallMillis,askerAccuracy";

    private final Path directory;
    private final ToIntFunction<AlgorithmicDomain> steps;

    /** @param steps each task's step budget */
    PointFiles(Path directory, ToIntFunction<AlgorithmicDomain> steps) {
        this.directory = directory;
        this.steps = steps;
    }

    int steps(AlgorithmicDomain domain) {
        return steps.applyAsInt(domain);
    }

    void write(AlgorithmicDomain domain, Mode mode, List<ExperimentPoint> points) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ExperimentPoint p : points) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%d,%d,%s%n", p.step(), p.accuracy(), p.loss(),
                    p.callsToH(), p.labels(), p.openLevels(), p.wallMillis(), p.askerAccuracy()));
        }
        ResultsFile.atomically(file(domain, mode), csv.toString());
    }

    /** Every run of these tasks on file, by task and mode (tasks without one are left out). */
    Map<AlgorithmicDomain, Map<Mode, List<ExperimentPoint>>> readAll(List<AlgorithmicDomain> domains)
            throws IOException {
        Map<AlgorithmicDomain, Map<Mode, List<ExperimentPoint>>> runs = new LinkedHashMap<>();
        for (AlgorithmicDomain domain : domains) {
            Map<Mode, List<ExperimentPoint>> byMode = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                Path file = file(domain, mode);
                if (Files.exists(file)) {
                    byMode.put(mode, read(file));
                }
            }
            if (!byMode.isEmpty()) {
                runs.put(domain, byMode);
            }
        }
        return runs;
    }

    private static List<ExperimentPoint> read(Path file) throws IOException {
        List<ExperimentPoint> points = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("step")) {
                continue;
            }
            String[] f = line.split(",");
            points.add(new ExperimentPoint(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Map.of(),
                    Double.parseDouble(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Integer.parseInt(f[5]),
                    Long.parseLong(f[6]), Double.parseDouble(f[7])));
        }
        return points;
    }

    private Path file(AlgorithmicDomain domain, Mode mode) {
        return directory.resolve(domain.name() + "-" + mode.name() + "-" + steps(domain) + ".csv");
    }
}
