package org.amplify.experiments.web;

import java.util.Map;
import org.amplify.experiments.ExperimentPoint;

/**
 * One evaluation on the held-out questions, over the API.
 *
 * @param loss the mean training loss since the previous point; null when there was none
 * @param askerAccuracy IA with H' only: the share of H's actions H' predicts exactly; null in the
 *     other modes
 * @param openLevels question levels open in IA's curriculum (every level in SL)
 * @param size the size N of the contexts at this point; null for points that did not record it (the
 *     experiment's N)
 */
record PointResponse(int step, double accuracy, Map<String, Double> accuracyByKind, Double loss, long callsToH,
        long labels, int openLevels, long wallMillis, Double askerAccuracy, Integer size) {

    static PointResponse of(ExperimentPoint p) {
        return new PointResponse(p.step(), p.accuracy(), p.accuracyByKind(),
                Double.isFinite(p.loss()) ? p.loss() : null, p.callsToH(), p.labels(), p.openLevels(), p.wallMillis(),
                Double.isFinite(p.askerAccuracy()) ? p.askerAccuracy() : null, p.size() > 0 ? p.size() : null);
    }
}
