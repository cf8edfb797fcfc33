package org.amplify.experiments.web;

import java.time.Instant;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.experiments.Mode;

/**
 * An experiment over the API.
 *
 * @param progress the share of the steps done, 0 to 1
 * @param latestPoint the newest evaluation, or null before the first
 * @param settings every setting of the run, defaults and seed included
 */
record ExperimentResponse(long id, String domain, Mode mode, int size, int steps, int batch, long seed,
        ExperimentStatus status, String errorMessage, String startedBy, boolean cancelRequested, Instant createdAt,
        Instant startedAt, Instant finishedAt, Long modelVersionId, int currentStep, double progress,
        PointResponse latestPoint, ExperimentSettings settings) {

    static ExperimentResponse of(Experiment e, ExperimentPoint latest) {
        return new ExperimentResponse(e.id(), e.domain(), e.mode(), e.size(), e.steps(), e.settings().training().batch(),
                e.settings().seed(), e.status(), e.errorMessage(), e.startedBy(), e.cancelRequested(), e.createdAt(),
                e.startedAt(), e.finishedAt(), e.modelVersionId(), e.currentStep(), e.progress(),
                latest == null ? null : PointResponse.of(latest), e.settings());
    }
}
