package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.AdversarialSearchRequest;
import org.amplify.experiments.ExperimentRejectedException;
import org.amplify.experiments.ExperimentRejectedException.FieldProblem;
import org.amplify.experiments.ExperimentsProperties;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.springframework.stereotype.Component;

/**
 * Turns a request for an adversarial search into the settings of its round: checks every field (all
 * of them, so that each bad one is named at once) and fills in the defaults.
 */
@Component
public class RequestedSearch {

    /** The most queries of one search. */
    public static final int MAX_QUERIES = 100_000;
    static final double DEFAULT_MUTATION_SHARE = 0.5;
    static final int DEFAULT_TRAINING_STEPS = 300;

    private final Domains domains;
    private final ModelRegistry registry;
    private final RequestedSettings experimentSettings;
    private final ExperimentsProperties limits;

    RequestedSearch(Domains domains, ModelRegistry registry, RequestedSettings experimentSettings,
            ExperimentsProperties limits) {
        this.domains = domains;
        this.registry = registry;
        this.experimentSettings = experimentSettings;
        this.limits = limits;
    }

    /** The model searched, its domain and the settings of the round. */
    public record Checked(ModelVersion model, AlgorithmicDomain domain, AdversarialRound.Settings settings) {}

    /** @throws ExperimentRejectedException naming every bad field */
    public Checked of(AdversarialSearchRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ModelVersion model = null;
        AlgorithmicDomain domain = null;
        if (request.modelVersionId() == null) {
            problems.add(new FieldProblem("modelVersionId", "is required"));
        } else {
            model = registry.find(request.modelVersionId()).orElse(null);
            if (model == null) {
                problems.add(new FieldProblem("modelVersionId", "no model version has id " + request.modelVersionId()));
            } else if (model.kind() == ModelKind.IMPORT) {
                problems.add(new FieldProblem("modelVersionId", "is an imported model: only a model trained here "
                        + "can be trained with the cases found"));
            } else {
                domain = domains.find(model.domain()).orElse(null);
                if (domain == null) {
                    problems.add(new FieldProblem("modelVersionId", "is a model of the " + model.domain()
                            + " domain: the search needs an algorithmic domain, with its programmatic expert"));
                }
            }
        }
        Integer queries = request.queries();
        if (queries == null) {
            problems.add(new FieldProblem("queries", "is required"));
        } else if (queries <= 0) {
            problems.add(new FieldProblem("queries", "must be positive"));
        } else if (queries > MAX_QUERIES) {
            problems.add(new FieldProblem("queries", "must be at most " + MAX_QUERIES));
        }
        Double share = request.mutationShare();
        if (share != null && !(share >= 0 && share <= 1)) {
            problems.add(new FieldProblem("mutationShare", "must be a share, between 0 and 1"));
        }
        Integer steps = request.trainingSteps();
        if (steps != null && steps < 0) {
            problems.add(new FieldProblem("trainingSteps", "must not be negative"));
        } else if (steps != null && steps > limits.maxSteps()) {
            problems.add(new FieldProblem("trainingSteps", "must be at most " + limits.maxSteps()));
        }
        Integer size = request.size();
        if (size != null && domain != null
                && (size < experimentSettings.minSize(domain) || size > experimentSettings.maxSize(domain))) {
            problems.add(new FieldProblem("size", "must be between " + experimentSettings.minSize(domain) + " and "
                    + experimentSettings.maxSize(domain) + " for " + domain.name()));
        }
        Integer maxLevel = request.maxLevel();
        if (maxLevel != null && domain != null && (maxLevel < 1 || maxLevel > domain.levels())) {
            problems.add(new FieldProblem("maxLevel", "must be between 1 and " + domain.levels() + " for "
                    + domain.name()));
        }
        if (!problems.isEmpty()) {
            throw new ExperimentRejectedException(problems);
        }
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        return new Checked(model, domain, new AdversarialRound.Settings(size != null ? size : trainedSize(model, domain),
                maxLevel != null ? maxLevel : domain.levels(), queries, share != null ? share : DEFAULT_MUTATION_SHARE,
                steps != null ? steps : DEFAULT_TRAINING_STEPS, seed));
    }

    /** The size the model was trained at (an experiment records it), else the domain's starting size. */
    private int trainedSize(ModelVersion model, AlgorithmicDomain domain) {
        if (model.metrics().get("size") instanceof Number size && size.intValue() >= experimentSettings.minSize(domain)
                && size.intValue() <= experimentSettings.maxSize(domain)) {
            return size.intValue();
        }
        return Math.max(domain.defaultSize(), experimentSettings.minSize(domain));
    }
}
