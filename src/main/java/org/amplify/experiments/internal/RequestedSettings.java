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
                learningRate != null ? learningRate.floatValue() : d.learningRate(), d.curriculum(),
                d.curriculumThreshold(), d.targetsPerStep(), d.bufferCapacity(), d.teacherDecay(), evaluateEvery,
                d.heldOut(), d.maxLevel(), errorRate == null ? 0 : errorRate,
                askerLearningRate != null ? askerLearningRate.floatValue() : d.askerLearningRate(),
                budget == null ? 0 : budget);
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
