package org.amplify.experiments.internal;

import java.util.Map;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentPoint;

/**
 * What an experiment's model is registered with: its run and its last point.
 *
 * @param mode the {@link org.amplify.experiments.Mode}'s name
 * @param steps the step of the last point
 * @param cancelled whether an admin stopped it before its last step
 */
record ExperimentMetrics(long experimentId, String mode, int size, int steps, double accuracy,
        Map<String, Double> accuracyByKind, long callsToH, long labels, long wallMillis, boolean cancelled) {

    static ExperimentMetrics of(Experiment experiment, ExperimentPoint last, boolean cancelled) {
        return new ExperimentMetrics(experiment.id(), experiment.mode().name(), experiment.size(), last.step(),
                last.accuracy(), last.accuracyByKind(), last.callsToH(), last.labels(), last.wallMillis(), cancelled);
    }
}
