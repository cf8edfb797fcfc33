package org.amplify.experiments.internal;

import org.amplify.models.AnswerModel;

/**
 * One step of X in a {@link TrainingRun}, where its targets come from the run's mode: ground truth
 * (SL, {@link SupervisedStep}), Amplify^H(teacher) ({@link ExpertAmplifiedStep}) or Amplify^H'(teacher)
 * ({@link PredictorAmplifiedStep}).
 */
interface TrainingStep {

    /** @return the loss of X's Adam step, or NaN where X took none (an IA buffer short of a batch) */
    float take(AnswerModel student);

    /** What a run has spent so far: calls to H, ground-truth labels, and wrong final answers of a faulty H. */
    final class Counts {
        long callsToH;
        long labels;
        long faults;
    }
}
