package org.amplify.experiments.web;

import java.util.Map;
import org.amplify.experiments.AdversarialSearchRequest;

/**
 * The admins' form to start an adversarial search, as typed: text, so that a number that is not one
 * is reported next to its field like every other mistake.
 */
public class SearchForm {

    private String modelVersionId;
    private String queries = "2000";
    private String trainingSteps = "300";
    private String mutationShare;
    private String seed;

    /** The request, with every number that does not parse reported in {@code errors} by field. */
    AdversarialSearchRequest toRequest(Map<String, String> errors) {
        return new AdversarialSearchRequest(FormNumbers.whole("modelVersionId", modelVersionId, errors),
                FormNumbers.integer("queries", queries, errors),
                FormNumbers.decimal("mutationShare", mutationShare, errors),
                FormNumbers.integer("trainingSteps", trainingSteps, errors), FormNumbers.whole("seed", seed, errors),
                null, null);
    }

    public String getModelVersionId() {
        return modelVersionId;
    }

    public void setModelVersionId(String modelVersionId) {
        this.modelVersionId = modelVersionId;
    }

    public String getQueries() {
        return queries;
    }

    public void setQueries(String queries) {
        this.queries = queries;
    }

    public String getTrainingSteps() {
        return trainingSteps;
    }

    public void setTrainingSteps(String trainingSteps) {
        this.trainingSteps = trainingSteps;
    }

    public String getMutationShare() {
        return mutationShare;
    }

    public void setMutationShare(String mutationShare) {
        this.mutationShare = mutationShare;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }
}
