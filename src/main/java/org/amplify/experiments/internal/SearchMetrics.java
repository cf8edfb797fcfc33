package org.amplify.experiments.internal;

/**
 * What the model an adversarial search trained is registered with: the search's figures.
 *
 * @param steps the priority training steps done
 * @param accuracy X's held-out accuracy after them
 * @param foundCases the disagreements the search before training found
 */
record SearchMetrics(long adversarialSearchId, int size, int steps, double accuracy, int queries,
        double disagreementsPerThousandBefore, double disagreementsPerThousandAfter,
        double disagreementsPerThousandControl, int foundCases, int priorityPerBatch, long wallMillis) {}
