package org.amplify.experiments;

import java.time.Instant;
import java.util.UUID;

/**
 * One experiment as stored: what was asked (every setting, defaults filled in) and where it stands.
 *
 * @param settings every setting of the run, the seed included (a run is reproducible from them)
 * @param errorMessage why it failed or was interrupted, or null
 * @param startedBy the user name of the admin who started it
 * @param cancelRequested an admin asked it to stop; it stops within a step
 * @param jobId its background job
 * @param modelVersionId the registered model it ended with, or null
 * @param currentStep the steps done so far
 */
public record Experiment(long id, String domain, Mode mode, int size, int steps, ExperimentSettings settings,
        ExperimentStatus status, String errorMessage, String startedBy, boolean cancelRequested, Instant createdAt,
        Instant startedAt, Instant finishedAt, UUID jobId, Long modelVersionId, int currentStep) {

    /** The share of the steps done, 0 to 1. */
    public double progress() {
        return steps == 0 ? 0 : Math.min(1.0, currentStep / (double) steps);
    }
}
