package org.amplify.experiments;

/**
 * What one adversarial search found against one X: disagreements between X and Amplify^H(X) per
 * 1 000 queries, overall and per phase (random questions, then mutations of the worst cases).
 *
 * @param wrong how many of the disagreements X got wrong against the ground truth (measured after the
 *     search, never used by it)
 * @param heldOutAccuracy X's accuracy on held-out questions (ground truth) of the searched levels
 * @param trainingSteps the steps X was trained for before this search (0 for the search before)
 */
public record SearchFigures(int queries, int disagreements, double perThousand, int randomQueries,
        int randomDisagreements, double randomPerThousand, int mutationQueries, int mutationDisagreements,
        double mutationPerThousand, int wrong, double heldOutAccuracy, int trainingSteps) {}
