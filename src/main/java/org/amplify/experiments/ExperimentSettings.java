package org.amplify.experiments;

import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.ModelSize;

/**
 * One unattended training run on an algorithmic domain.
 *
 * @param size the task size N
 * @param steps training steps (one Adam step each)
 * @param batch training examples per step
 * @param curriculum IA only: start with the lowest level of questions, open the next when X agrees
 *     with its amplified targets more than {@code curriculumThreshold} of the time
 * @param targetsPerStep IA only: new amplified targets made per step (into the replay buffer)
 * @param teacherDecay IA only: the teacher is a moving average of X with this decay per step
 * @param evaluateEvery steps between two evaluations on the held-out questions
 * @param heldOut held-out questions (ground truth), fixed by the seed
 * @param maxLevel ask questions up to this level only, in training and evaluation (0: every level
 *     of the domain); a smaller task than the domain's full one, for quick runs and tests
 * @param expertErrorRate IA only: the probability that H, a faulty expert, combines its answers into a
 *     wrong final answer (0: never), to measure how IA degrades
 * @param askerLearningRate IA with H' only: the Adam learning rate of H'
 * @param expertCallBudget IA with H' only: the most calls to H in the run (0: no limit)
 */
public record ExperimentSettings(
        String domain,
        Mode mode,
        int size,
        int steps,
        int batch,
        long seed,
        ModelSize model,
        float learningRate,
        boolean curriculum,
        double curriculumThreshold,
        int targetsPerStep,
        int bufferCapacity,
        float teacherDecay,
        int evaluateEvery,
        int heldOut,
        int maxLevel,
        double expertErrorRate,
        float askerLearningRate,
        long expertCallBudget) {

    public static ExperimentSettings defaults(String domain, Mode mode, int size, int steps, long seed) {
        return new ExperimentSettings(domain, mode, size, steps, 64, seed, ModelSize.DEFAULT, 1e-3f, true, 0.85, 32,
                20_000, 0.99f, 250, 1000, 0, 0, 1e-3f, 0);
    }

    /** The same settings with another evaluation interval. */
    public ExperimentSettings withEvaluateEvery(int every) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, every, heldOut, maxLevel,
                expertErrorRate, askerLearningRate, expertCallBudget);
    }

    /** The same settings with a faulty expert: H answers wrongly with this probability. */
    public ExperimentSettings withExpertErrorRate(double rate) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel,
                rate, askerLearningRate, expertCallBudget);
    }

    /** The same settings asking questions up to this level only (0: every level of the domain). */
    public ExperimentSettings withMaxLevel(int level) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, level,
                expertErrorRate, askerLearningRate, expertCallBudget);
    }

    /** The same settings with another number of amplified targets made per step (IA). */
    public ExperimentSettings withTargetsPerStep(int targets) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targets, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel,
                expertErrorRate, askerLearningRate, expertCallBudget);
    }

    /** The same settings in another mode. */
    public ExperimentSettings withMode(Mode other) {
        return new ExperimentSettings(domain, other, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel,
                expertErrorRate, askerLearningRate, expertCallBudget);
    }

    /** The levels of questions this run asks: 1 to this. */
    public int levels(AlgorithmicDomain domain) {
        return maxLevel <= 0 ? domain.levels() : Math.min(maxLevel, domain.levels());
    }
}
