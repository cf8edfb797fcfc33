package org.amplify.experiments;

/**
 * A request to run the adversarial search on a registered model X (boxed: a missing field is null).
 *
 * @param modelVersionId the version searched: trained here, of an algorithmic domain
 * @param queries the budget of each search (before, after, control)
 * @param mutationShare the share of each budget spent mutating the worst cases (default 0.5)
 * @param trainingSteps steps of the round trained with the found cases, and of the control (default 300;
 *     0: search only)
 * @param seed the search's seed (random when absent)
 * @param size the task size N (default: the size the model was trained at, else the domain's)
 * @param maxLevel ask questions of levels 1 to this (default: every level of the domain)
 */
public record AdversarialSearchRequest(Long modelVersionId, Integer queries, Double mutationShare,
        Integer trainingSteps, Long seed, Integer size, Integer maxLevel) {}
