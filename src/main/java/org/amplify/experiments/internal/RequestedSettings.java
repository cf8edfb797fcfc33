package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.ExperimentRejectedException;
import org.amplify.experiments.ExperimentRejectedException.FieldProblem;
import org.amplify.experiments.ExperimentRequest;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.ExperimentsProperties;
import org.amplify.experiments.Mode;
import org.springframework.stereotype.Component;

/**
 * Turns a request into the settings of a run: checks every field (all of them, so that each bad
 * one is named at once) and fills in the defaults of {@link ExperimentSettings#defaults}.
 */
@Component
public class RequestedSettings {

    /** Evaluations of a run without evaluateEvery, at least: a short run still draws a curve. */
    static final int DEFAULT_EVALUATIONS = 10;

    private static final String MODES = "IA (with H), IA_HP (with H') or SL";
    static final int MIN_WINDOW = 100;
    static final int MAX_WINDOW = 100_000;

    private final Domains domains;
    private final ExperimentsProperties limits;

    RequestedSettings(Domains domains, ExperimentsProperties limits) {
        this.domains = domains;
        this.limits = limits;
    }

    /** @throws ExperimentRejectedException naming every bad field */
    public ExperimentSettings of(ExperimentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        AlgorithmicDomain domain = domain(request.domain(), problems);
        Mode mode = mode(request.mode(), problems);
        Integer size = request.size();
        if (size == null && domain != null) {
            size = Math.max(domain.defaultSize(), minSize(domain));
        } else if (size != null && (size < minSize(domain) || size > maxSize(domain))) {
            problems.add(new FieldProblem("size", "must be between " + minSize(domain) + " and " + maxSize(domain)
                    + (domain == null ? "" : " for " + domain.name())));
        }
        Integer steps = request.steps();
        if (steps == null) {
            problems.add(new FieldProblem("steps", "is required"));
        } else {
            atMost("steps", steps, limits.maxSteps(), problems);
        }
        if (request.batch() != null) {
            atMost("batch", request.batch(), limits.maxBatch(), problems);
        }
        Double learningRate = request.learningRate();
        if (learningRate != null && !(learningRate > 0 && learningRate <= 1)) {
            problems.add(new FieldProblem("learningRate", "must be a positive number, at most 1"));
        }
        if (request.evaluateEvery() != null && request.evaluateEvery() <= 0) {
            problems.add(new FieldProblem("evaluateEvery", "must be positive"));
        }
        Double errorRate = request.expertErrorRate();
        if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
            problems.add(new FieldProblem("expertErrorRate", "must be a probability, between 0 and 1"));
        } else if (errorRate != null && errorRate > 0 && mode != null && mode != Mode.IA) {
            problems.add(new FieldProblem("expertErrorRate", "applies to IA with H only"));
        }
        Double askerLearningRate = request.askerLearningRate();
        if (askerLearningRate != null && !(askerLearningRate > 0 && askerLearningRate <= 1)) {
            problems.add(new FieldProblem("askerLearningRate", "must be a positive number, at most 1"));
        } else if (askerLearningRate != null && mode != null && mode != Mode.IA_HP) {
            problems.add(new FieldProblem("askerLearningRate", "applies to IA with H' only"));
        }
        Long budget = request.expertCallBudget();
        if (budget != null && budget <= 0) {
            problems.add(new FieldProblem("expertCallBudget", "must be positive (leave it out for no limit)"));
        } else if (budget != null && mode != null && mode != Mode.IA_HP) {
            problems.add(new FieldProblem("expertCallBudget", "applies to IA with H' only"));
        }
        boolean curriculum = request.curriculum() == null || request.curriculum();
        curriculum(request, mode, domain, size, curriculum, problems);
        if (!problems.isEmpty()) {
            throw new ExperimentRejectedException(problems);
        }
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        ExperimentSettings d = ExperimentSettings.defaults(domain.name(), mode, size, steps, seed);
        int evaluateEvery = request.evaluateEvery() != null
                ? request.evaluateEvery()
                : Math.max(1, Math.min(d.evaluateEvery(), steps / DEFAULT_EVALUATIONS));
        return new ExperimentSettings(d.domain(), d.mode(), d.size(), d.steps(),
                request.batch() != null ? request.batch() : d.batch(), d.seed(), d.model(),
                learningRate != null ? learningRate.floatValue() : d.learningRate(), curriculum,
                request.curriculumThreshold() != null ? request.curriculumThreshold() : d.curriculumThreshold(),
                d.targetsPerStep(), d.bufferCapacity(), d.teacherDecay(), evaluateEvery,
                d.heldOut(), d.maxLevel(), errorRate == null ? 0 : errorRate,
                askerLearningRate != null ? askerLearningRate.floatValue() : d.askerLearningRate(),
                budget == null ? 0 : budget,
                request.curriculumWindow() != null ? request.curriculumWindow() : d.curriculumWindow(),
                request.levelThresholds() != null ? request.levelThresholds() : d.levelThresholds(),
                request.maxSize() != null ? request.maxSize() : 0);
    }

    /** The curriculum's fields: IA only; thresholds in [0.5, 1); a window of 100 to 100 000; N can grow. */
    private void curriculum(ExperimentRequest request, Mode mode, AlgorithmicDomain domain, Integer size,
            boolean curriculum, List<FieldProblem> problems) {
        boolean ia = mode == null || mode.amplified();
        Double threshold = request.curriculumThreshold();
        if (threshold != null && !isThreshold(threshold)) {
            problems.add(new FieldProblem("curriculumThreshold", "must be at least 0.5 and below 1"));
        } else if (threshold != null && !ia) {
            problems.add(new FieldProblem("curriculumThreshold", "applies to IA only"));
        }
        List<Double> perLevel = request.levelThresholds();
        if (perLevel != null && !ia && !perLevel.isEmpty()) {
            problems.add(new FieldProblem("levelThresholds", "applies to IA only"));
        } else if (perLevel != null && perLevel.stream().anyMatch(t -> t == null || !isThreshold(t))) {
            problems.add(new FieldProblem("levelThresholds", "each must be at least 0.5 and below 1"));
        } else if (perLevel != null && domain != null && perLevel.size() > domain.levels()) {
            problems.add(new FieldProblem("levelThresholds", "has " + perLevel.size() + " thresholds; " + domain.name()
                    + " has " + domain.levels() + " level" + (domain.levels() == 1 ? "" : "s")));
        }
        Integer window = request.curriculumWindow();
        if (window != null && (window < MIN_WINDOW || window > MAX_WINDOW)) {
            problems.add(new FieldProblem("curriculumWindow", "must be between " + MIN_WINDOW + " and " + MAX_WINDOW));
        } else if (window != null && !ia) {
            problems.add(new FieldProblem("curriculumWindow", "applies to IA only"));
        }
        Integer largest = request.maxSize();
        if (largest == null) {
            return;
        }
        if (!ia) {
            problems.add(new FieldProblem("maxSize", "applies to IA only (SL trains at one N: set size)"));
        } else if (!curriculum) {
            problems.add(new FieldProblem("maxSize", "needs the curriculum: N grows once every level is learned"));
        } else if (size != null && largest < size) {
            problems.add(new FieldProblem("maxSize", "must be at least the size, " + size));
        } else if (largest > maxSize(domain)) {
            problems.add(new FieldProblem("maxSize", "must be at most " + maxSize(domain)
                    + (domain == null ? "" : " for " + domain.name())));
        }
    }

    private static boolean isThreshold(double value) {
        return value >= 0.5 && value < 1;
    }

    /** The smallest size allowed for the domain (or for every domain when it is not known). */
    public int minSize(AlgorithmicDomain domain) {
        return domain == null ? limits.minSize() : Math.max(limits.minSize(), domain.minSize());
    }

    public int maxSize(AlgorithmicDomain domain) {
        return domain == null ? limits.maxSize() : Math.min(limits.maxSize(), domain.maxSize());
    }

    private AlgorithmicDomain domain(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("domain", "is required"));
            return null;
        }
        AlgorithmicDomain domain = domains.find(name.trim()).orElse(null);
        if (domain == null) {
            problems.add(new FieldProblem("domain", "unknown domain '" + name + "': one of "
                    + domains.algorithmic().stream().map(AlgorithmicDomain::name).collect(Collectors.joining(", "))));
        }
        return domain;
    }

    private static Mode mode(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("mode", "is required: " + MODES));
            return null;
        }
        try {
            return Mode.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("mode", "unknown mode '" + name + "': " + MODES));
            return null;
        }
    }

    private static void atMost(String field, int value, int max, List<FieldProblem> problems) {
        if (value <= 0) {
            problems.add(new FieldProblem(field, "must be positive"));
        } else if (value > max) {
            problems.add(new FieldProblem(field, "must be at most " + max));
        }
    }
}
