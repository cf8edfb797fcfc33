package org.amplify.experiments;

import java.util.Map;

/**
 * One evaluation of X during an experiment, on the held-out questions (ground truth).
 *
 * @param accuracyByKind accuracy per kind of question ({@code AlgorithmicDomain#kind})
 * @param loss the mean training loss since the previous point
 * @param callsToH transcripts made by the expert H so far (IA with H or H'); 0 for SL
 * @param labels ground-truth labels used for training so far (SL); 0 for IA
 * @param openLevels question levels open in the curriculum at this point
 * @param askerAccuracy IA with H' only: the share of H's actions H' predicts exactly, on transcripts of
 *     fixed questions made by H with the current X; {@code NaN} in the other modes
 * @param size the size N of the contexts at this point (it grows with IA's size curriculum), on which
 *     the held-out questions of the point were asked; 0 where it was not recorded (the run's N)
 */
public record ExperimentPoint(int step, double accuracy, Map<String, Double> accuracyByKind, double loss,
        long callsToH, long labels, int openLevels, long wallMillis, double askerAccuracy, int size) {

    /** A point that does not record its N (the run's N). */
    public ExperimentPoint(int step, double accuracy, Map<String, Double> accuracyByKind, double loss, long callsToH,
            long labels, int openLevels, long wallMillis, double askerAccuracy) {
        this(step, accuracy, accuracyByKind, loss, callsToH, labels, openLevels, wallMillis, askerAccuracy, 0);
    }

    /** A point of a run without H' (IA with H, or SL). */
    public ExperimentPoint(int step, double accuracy, Map<String, Double> accuracyByKind, double loss, long callsToH,
            long labels, int openLevels, long wallMillis) {
        this(step, accuracy, accuracyByKind, loss, callsToH, labels, openLevels, wallMillis, Double.NaN, 0);
    }
}
