package org.amplify.experiments.internal;

import java.util.concurrent.ThreadLocalRandom;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.AdversarialSearchRequest;
import org.amplify.experiments.ExperimentRejectedException;
import org.amplify.experiments.ExperimentsProperties;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.SimpleErrors;
import org.springframework.validation.Validator;

/**
 * Turns a request for an adversarial search into the settings of its round: a Spring
 * {@link Validator} of every field (all of them, so that each bad one is named at once), then the
 * defaults filled in.
 */
@Component
public class RequestedSearch implements Validator {

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

    @Override
    public boolean supports(Class<?> type) {
        return AdversarialSearchRequest.class.isAssignableFrom(type);
    }

    /** Every rule of a search, each bad field rejected in words fit to show next to it. */
    @Override
    public void validate(Object target, Errors errors) {
        AdversarialSearchRequest request = (AdversarialSearchRequest) target;
        ModelVersion model = null;
        AlgorithmicDomain domain = null;
        if (request.modelVersionId() == null) {
            errors.rejectValue("modelVersionId", "rejected", "is required");
        } else {
            model = registry.find(request.modelVersionId()).orElse(null);
            if (model == null) {
                errors.rejectValue("modelVersionId", "rejected", "no model version has id " + request.modelVersionId());
            } else if (model.kind() == ModelKind.IMPORT) {
                errors.rejectValue("modelVersionId", "rejected", "is an imported model: only a model trained here "
                        + "can be trained with the cases found");
            } else {
                domain = domains.find(model.domain()).orElse(null);
                if (domain == null) {
                    errors.rejectValue("modelVersionId", "rejected", "is a model of the " + model.domain()
                            + " domain: the search needs an algorithmic domain, with its programmatic expert");
                }
            }
        }
        Integer queries = request.queries();
        if (queries == null) {
            errors.rejectValue("queries", "rejected", "is required");
        } else if (queries <= 0) {
            errors.rejectValue("queries", "rejected", "must be positive");
        } else if (queries > MAX_QUERIES) {
            errors.rejectValue("queries", "rejected", "must be at most " + MAX_QUERIES);
        }
        Double share = request.mutationShare();
        if (share != null && !(share >= 0 && share <= 1)) {
            errors.rejectValue("mutationShare", "rejected", "must be a share, between 0 and 1");
        }
        Integer steps = request.trainingSteps();
        if (steps != null && steps < 0) {
            errors.rejectValue("trainingSteps", "rejected", "must not be negative");
        } else if (steps != null && steps > limits.maxSteps()) {
            errors.rejectValue("trainingSteps", "rejected", "must be at most " + limits.maxSteps());
        }
        Integer size = request.size();
        if (size != null && domain != null
                && (size < experimentSettings.minSize(domain) || size > experimentSettings.maxSize(domain))) {
            errors.rejectValue("size", "rejected", "must be between " + experimentSettings.minSize(domain) + " and "
                    + experimentSettings.maxSize(domain) + " for " + domain.name());
        }
        Integer maxLevel = request.maxLevel();
        if (maxLevel != null && domain != null && (maxLevel < 1 || maxLevel > domain.levels())) {
            errors.rejectValue("maxLevel", "rejected", "must be between 1 and " + domain.levels() + " for "
                    + domain.name());
        }
    }

    /** @throws ExperimentRejectedException naming every bad field */
    public Checked of(AdversarialSearchRequest request) {
        SimpleErrors errors = new SimpleErrors(request, "search");
        validate(request, errors);
        if (errors.hasErrors()) {
            throw RequestedSettings.rejected(errors);
        }
        ModelVersion model = registry.find(request.modelVersionId()).orElseThrow();
        AlgorithmicDomain domain = domains.find(model.domain()).orElseThrow();
        int queries = request.queries();
        Double share = request.mutationShare();
        Integer steps = request.trainingSteps();
        Integer size = request.size();
        Integer maxLevel = request.maxLevel();
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
