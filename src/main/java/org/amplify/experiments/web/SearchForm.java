package org.amplify.experiments.web;

import org.amplify.experiments.AdversarialSearchRequest;

/**
 * The admins' form to start an adversarial search, bound by Spring MVC: a blank field is absent
 * (null), a number that is not one is a type mismatch reported next to its field, and the rules of a
 * search are checked by {@link SearchFormValidator}.
 */
public class SearchForm {

    private Long modelVersionId;
    private Integer queries = 2000;
    private Integer trainingSteps = 300;
    private Double mutationShare;
    private Long seed;

    AdversarialSearchRequest toRequest() {
        return new AdversarialSearchRequest(modelVersionId, queries, mutationShare, trainingSteps, seed, null, null);
    }

    public Long getModelVersionId() {
        return modelVersionId;
    }

    public void setModelVersionId(Long modelVersionId) {
        this.modelVersionId = modelVersionId;
    }

    public Integer getQueries() {
        return queries;
    }

    public void setQueries(Integer queries) {
        this.queries = queries;
    }

    public Integer getTrainingSteps() {
        return trainingSteps;
    }

    public void setTrainingSteps(Integer trainingSteps) {
        this.trainingSteps = trainingSteps;
    }

    public Double getMutationShare() {
        return mutationShare;
    }

    public void setMutationShare(Double mutationShare) {
        this.mutationShare = mutationShare;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }
}
