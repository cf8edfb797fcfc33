package org.amplify.experiments;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of the adversarial search (security amplification) on a model X: the search before, one
 * round of training with the found cases fed in with priority, the search after, and the control (the
 * same steps of plain IA from the same X, searched the same way).
 *
 * @param phase what it is doing now (see {@code AdversarialRound.Phase}), null while queued
 * @param progress the share of the work done, 0 to 1
 * @param before the search of X; null until done
 * @param after the search of X trained with priority; null until done
 * @param control the search of X trained without the found cases; null until done
 * @param trainedModelVersionId X trained with priority, registered (kind IA, parent: the searched X)
 */
public record AdversarialSearchRun(long id, long modelVersionId, String domain, int size, int maxLevel, int queries,
        double mutationShare, int trainingSteps, long seed, ExperimentStatus status, String phase, double progress,
        String errorMessage, String startedBy, Instant createdAt, Instant startedAt, Instant finishedAt, UUID jobId,
        SearchFigures before, SearchFigures after, SearchFigures control, Long trainedModelVersionId) {}
