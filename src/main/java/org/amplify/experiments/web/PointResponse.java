package org.amplify.experiments.web;

import java.util.Map;
import org.amplify.experiments.ExperimentPoint;

/**
 * One evaluation on the held-out questions, over the API.
 *
 * @param loss the mean training loss since the previous point; null when there was none
 * @param askerAccuracy IA with H' only: the share of H's actions H' predicts exactly; null in the
 *     other modes
 */
record PointResponse(int step, double accuracy, Map<String, Double> accuracyByKind, Double loss, long callsToH,
        long labels, int openLevels, long wallMillis, Double askerAccuracy) {

    static PointResponse of(ExperimentPoint p) {
        return new PointResponse(p.step(), p.accuracy(), p.accuracyByKind(),
                Double.isFinite(p.loss()) ? p.loss() : null, p.callsToH(), p.labels(), p.openLevels(), p.wallMillis(),
                Double.isFinite(p.askerAccuracy()) ? p.askerAccuracy() : null);
    }
}
