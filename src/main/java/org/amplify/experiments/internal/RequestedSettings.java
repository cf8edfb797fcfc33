package org.amplify.experiments.internal;

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
import org.springframework.validation.Errors;
import org.springframework.validation.SimpleErrors;
import org.springframework.validation.Validator;

/**
 * Turns a request into the settings of a run: a Spring {@link Validator} of every field (all of them,
 * so that each bad one is named at once: the API's 400 and the start form's field errors), then the
 * defaults of {@link ExperimentSettings#defaults} filled in.
 */
@Component
public class RequestedSettings implements Validator {

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

    @Override
    public boolean supports(Class<?> type) {
        return ExperimentRequest.class.isAssignableFrom(type);
    }

    /** Every rule of a run, each bad field rejected in words fit to show next to it. */
    @Override
    public void validate(Object target, Errors errors) {
        ExperimentRequest request = (ExperimentRequest) target;
        AlgorithmicDomain domain = domain(request.domain(), errors);
        Mode mode = mode(request.mode(), errors);
        Integer size = request.size();
        if (size == null && domain != null) {
            size = Math.max(domain.defaultSize(), minSize(domain));
        } else if (size != null && (size < minSize(domain) || size > maxSize(domain))) {
            errors.rejectValue("size", "rejected", "must be between " + minSize(domain) + " and " + maxSize(domain)
                    + (domain == null ? "" : " for " + domain.name()));
        }
        Integer steps = request.steps();
        if (steps == null) {
            errors.rejectValue("steps", "rejected", "is required");
        } else {
            atMost("steps", steps, limits.maxSteps(), errors);
        }
        if (request.batch() != null) {
            atMost("batch", request.batch(), limits.maxBatch(), errors);
        }
        Double learningRate = request.learningRate();
        if (learningRate != null && !(learningRate > 0 && learningRate <= 1)) {
            errors.rejectValue("learningRate", "rejected", "must be a positive number, at most 1");
        }
        if (request.evaluateEvery() != null && request.evaluateEvery() <= 0) {
            errors.rejectValue("evaluateEvery", "rejected", "must be positive");
        }
        Double errorRate = request.expertErrorRate();
        if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
            errors.rejectValue("expertErrorRate", "rejected", "must be a probability, between 0 and 1");
        } else if (errorRate != null && errorRate > 0 && mode != null && mode != Mode.IA) {
            errors.rejectValue("expertErrorRate", "rejected", "applies to IA with H only");
        }
        Double askerLearningRate = request.askerLearningRate();
        if (askerLearningRate != null && !(askerLearningRate > 0 && askerLearningRate <= 1)) {
            errors.rejectValue("askerLearningRate", "rejected", "must be a positive number, at most 1");
        } else if (askerLearningRate != null && mode != null && mode != Mode.IA_HP) {
            errors.rejectValue("askerLearningRate", "rejected", "applies to IA with H' only");
        }
        Long budget = request.expertCallBudget();
        if (budget != null && budget <= 0) {
            errors.rejectValue("expertCallBudget", "rejected", "must be positive (leave it out for no limit)");
        } else if (budget != null && mode != null && mode != Mode.IA_HP) {
            errors.rejectValue("expertCallBudget", "rejected", "applies to IA with H' only");
        }
        boolean curriculum = request.curriculum() == null || request.curriculum();
        curriculum(request, mode, domain, size, curriculum, errors);
    }

    /** @throws ExperimentRejectedException naming every bad field */
    public ExperimentSettings of(ExperimentRequest request) {
        SimpleErrors errors = new SimpleErrors(request, "experiment");
        validate(request, errors);
        if (errors.hasErrors()) {
            throw rejected(errors);
        }
        AlgorithmicDomain domain = domains.find(request.domain().trim()).orElseThrow();
        Mode mode = Mode.valueOf(request.mode().trim().toUpperCase(Locale.ROOT));
        int size = request.size() != null ? request.size() : Math.max(domain.defaultSize(), minSize(domain));
        int steps = request.steps();
        Double learningRate = request.learningRate();
        Double errorRate = request.expertErrorRate();
        Double askerLearningRate = request.askerLearningRate();
        Long budget = request.expertCallBudget();
        boolean curriculum = request.curriculum() == null || request.curriculum();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        ExperimentSettings.Builder settings = ExperimentSettings.builder().domain(domain.name()).mode(mode).size(size)
                .steps(steps).seed(seed).curriculum(curriculum);
        ExperimentSettings d = settings.build();
        settings.evaluateEvery(request.evaluateEvery() != null
                ? request.evaluateEvery()
                : Math.max(1, Math.min(d.evaluation().evaluateEvery(), steps / DEFAULT_EVALUATIONS)));
        if (request.batch() != null) {
            settings.batch(request.batch());
        }
        if (learningRate != null) {
            settings.learningRate(learningRate.floatValue());
        }
        if (request.curriculumThreshold() != null) {
            settings.curriculumThreshold(request.curriculumThreshold());
        }
        if (errorRate != null) {
            settings.expertErrorRate(errorRate);
        }
        if (askerLearningRate != null) {
            settings.askerLearningRate(askerLearningRate.floatValue());
        }
        if (budget != null) {
            settings.expertCallBudget(budget);
        }
        if (request.curriculumWindow() != null) {
            settings.curriculumWindow(request.curriculumWindow());
        }
        if (request.levelThresholds() != null) {
            settings.levelThresholds(request.levelThresholds());
        }
        if (request.maxSize() != null) {
            settings.maxSize(request.maxSize());
        }
        return settings.build();
    }

    /** The curriculum's fields: IA only; thresholds in [0.5, 1); a window of 100 to 100 000; N can grow. */
    private void curriculum(ExperimentRequest request, Mode mode, AlgorithmicDomain domain, Integer size,
            boolean curriculum, Errors errors) {
        boolean ia = mode == null || mode.amplified();
        Double threshold = request.curriculumThreshold();
        if (threshold != null && !isThreshold(threshold)) {
            errors.rejectValue("curriculumThreshold", "rejected", "must be at least 0.5 and below 1");
        } else if (threshold != null && !ia) {
            errors.rejectValue("curriculumThreshold", "rejected", "applies to IA only");
        }
        List<Double> perLevel = request.levelThresholds();
        if (perLevel != null && !ia && !perLevel.isEmpty()) {
            errors.rejectValue("levelThresholds", "rejected", "applies to IA only");
        } else if (perLevel != null && perLevel.stream().anyMatch(t -> t == null || !isThreshold(t))) {
            errors.rejectValue("levelThresholds", "rejected", "each must be at least 0.5 and below 1");
        } else if (perLevel != null && domain != null && perLevel.size() > domain.levels()) {
            errors.rejectValue("levelThresholds", "rejected", "has " + perLevel.size() + " thresholds; " + domain.name()
                    + " has " + domain.levels() + " level" + (domain.levels() == 1 ? "" : "s"));
        }
        Integer window = request.curriculumWindow();
        if (window != null && (window < MIN_WINDOW || window > MAX_WINDOW)) {
            errors.rejectValue("curriculumWindow", "rejected", "must be between " + MIN_WINDOW + " and " + MAX_WINDOW);
        } else if (window != null && !ia) {
            errors.rejectValue("curriculumWindow", "rejected", "applies to IA only");
        }
        Integer largest = request.maxSize();
        if (largest == null) {
            return;
        }
        if (!ia) {
            errors.rejectValue("maxSize", "rejected", "applies to IA only (SL trains at one N: set size)");
        } else if (!curriculum) {
            errors.rejectValue("maxSize", "rejected", "needs the curriculum: N grows once every level is learned");
        } else if (size != null && largest < size) {
            errors.rejectValue("maxSize", "rejected", "must be at least the size, " + size);
        } else if (largest > maxSize(domain)) {
            errors.rejectValue("maxSize", "rejected", "must be at most " + maxSize(domain)
                    + (domain == null ? "" : " for " + domain.name()));
        }
    }

    /** The refusal naming every field rejected, in the order they were. */
    static ExperimentRejectedException rejected(Errors errors) {
        return new ExperimentRejectedException(errors.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList());
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

    private AlgorithmicDomain domain(String name, Errors errors) {
        if (name == null || name.isBlank()) {
            errors.rejectValue("domain", "rejected", "is required");
            return null;
        }
        AlgorithmicDomain domain = domains.find(name.trim()).orElse(null);
        if (domain == null) {
            errors.rejectValue("domain", "rejected", "unknown domain '" + name + "': one of "
                    + domains.algorithmic().stream().map(AlgorithmicDomain::name).collect(Collectors.joining(", ")));
        }
        return domain;
    }

    private static Mode mode(String name, Errors errors) {
        if (name == null || name.isBlank()) {
            errors.rejectValue("mode", "rejected", "is required: " + MODES);
            return null;
        }
        try {
            return Mode.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.rejectValue("mode", "rejected", "unknown mode '" + name + "': " + MODES);
            return null;
        }
    }

    private static void atMost(String field, int value, int max, Errors errors) {
        if (value <= 0) {
            errors.rejectValue(field, "rejected", "must be positive");
        } else if (value > max) {
            errors.rejectValue(field, "rejected", "must be at most " + max);
        }
    }
}
