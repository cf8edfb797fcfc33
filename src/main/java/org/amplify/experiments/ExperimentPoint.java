package org.amplify.experiments;

import java.util.Map;

/**
 * One evaluation of X during an experiment, on the held-out questions (ground truth).
 *
 * @param accuracyByKind accuracy per kind of question ({@code AlgorithmicDomain#kind})
 * @param loss the mean training loss since the previous point
 * @param callsToH transcripts made by the expert H so far (IA); 0 for SL
 * @param labels ground-truth labels used for training so far (SL); 0 for IA
 * @param openLevels question levels open in the curriculum at this point
 */
public record ExperimentPoint(int step, double accuracy, Map<String, Double> accuracyByKind, double loss,
        long callsToH, long labels, int openLevels, long wallMillis) {}
