package org.amplify.experiments;

import java.util.List;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.ModelSize;

/**
 * One unattended training run on an algorithmic domain.
 *
 * @param size the task size N
 * @param steps training steps (one Adam step each)
 * @param batch training examples per step
 * @param curriculum IA only: start with the lowest level of questions and open the next when the
 *     teacher agrees with the amplified targets of the highest open level at least
 *     {@code curriculumThreshold} of the time, over its last {@code curriculumWindow} targets; then
 *     grow N up to {@code maxSize}
 * @param curriculumThreshold IA only: the agreement a level needs before the next level opens (and,
 *     with every level open, before N grows), unless {@code levelThresholds} gives the level its own
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
 * @param curriculumWindow IA only: amplified targets of a level in its running estimate of agreement
 * @param levelThresholds IA only: the threshold of level 1, 2, … where it is not
 *     {@code curriculumThreshold} (empty: every level has {@code curriculumThreshold})
 * @param maxSize IA with the curriculum only: the largest N; N doubles from {@code size} up to it once
 *     every level is learned at the current N (0 or {@code size}: N stays {@code size})
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
        long expertCallBudget,
        int curriculumWindow,
        List<Double> levelThresholds,
        int maxSize) {

    public static final double DEFAULT_CURRICULUM_THRESHOLD = 0.95;
    public static final int DEFAULT_CURRICULUM_WINDOW = 2000;

    public ExperimentSettings {
        levelThresholds = levelThresholds == null ? List.of() : List.copyOf(levelThresholds);
        if (curriculumWindow <= 0) {
            curriculumWindow = DEFAULT_CURRICULUM_WINDOW;
        }
    }

    /** Settings with the curriculum's window and thresholds at their defaults and N fixed. */
    public ExperimentSettings(String domain, Mode mode, int size, int steps, int batch, long seed, ModelSize model,
            float learningRate, boolean curriculum, double curriculumThreshold, int targetsPerStep,
            int bufferCapacity, float teacherDecay, int evaluateEvery, int heldOut, int maxLevel,
            double expertErrorRate, float askerLearningRate, long expertCallBudget) {
        this(domain, mode, size, steps, batch, seed, model, learningRate, curriculum, curriculumThreshold,
                targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel, expertErrorRate,
                askerLearningRate, expertCallBudget, DEFAULT_CURRICULUM_WINDOW, List.of(), 0);
    }

    public static ExperimentSettings defaults(String domain, Mode mode, int size, int steps, long seed) {
        return new ExperimentSettings(domain, mode, size, steps, 64, seed, ModelSize.DEFAULT, 1e-3f, true,
                DEFAULT_CURRICULUM_THRESHOLD, 32, 20_000, 0.99f, 250, 1000, 0, 0, 1e-3f, 0);
    }

    /** The agreement level {@code level} (1-based) needs before the curriculum moves on. */
    public double thresholdFor(int level) {
        return level >= 1 && level <= levelThresholds.size() ? levelThresholds.get(level - 1) : curriculumThreshold;
    }

    /** The same settings with another curriculum: threshold, per-level thresholds, window and largest N. */
    public ExperimentSettings withCurriculum(double threshold, List<Double> perLevel, int window, int largestSize) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, true, threshold,
                targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel, expertErrorRate,
                askerLearningRate, expertCallBudget, window, perLevel, largestSize);
    }

    /** The same settings with another evaluation interval. */
    public ExperimentSettings withEvaluateEvery(int every) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, every, heldOut, maxLevel,
                expertErrorRate, askerLearningRate, expertCallBudget, curriculumWindow, levelThresholds, maxSize);
    }

    /** The same settings with a faulty expert: H answers wrongly with this probability. */
    public ExperimentSettings withExpertErrorRate(double rate) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel,
                rate, askerLearningRate, expertCallBudget, curriculumWindow, levelThresholds, maxSize);
    }

    /** The same settings asking questions up to this level only (0: every level of the domain). */
    public ExperimentSettings withMaxLevel(int level) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, level,
                expertErrorRate, askerLearningRate, expertCallBudget, curriculumWindow, levelThresholds, maxSize);
    }

    /** The same settings with another number of amplified targets made per step (IA). */
    public ExperimentSettings withTargetsPerStep(int targets) {
        return new ExperimentSettings(domain, mode, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targets, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel,
                expertErrorRate, askerLearningRate, expertCallBudget, curriculumWindow, levelThresholds, maxSize);
    }

    /** The same settings in another mode. */
    public ExperimentSettings withMode(Mode other) {
        return new ExperimentSettings(domain, other, size, steps, batch, seed, model, learningRate, curriculum,
                curriculumThreshold, targetsPerStep, bufferCapacity, teacherDecay, evaluateEvery, heldOut, maxLevel,
                expertErrorRate, askerLearningRate, expertCallBudget, curriculumWindow, levelThresholds, maxSize);
    }

    /** The levels of questions this run asks: 1 to this. */
    public int levels(AlgorithmicDomain domain) {
        return maxLevel <= 0 ? domain.levels() : Math.min(maxLevel, domain.levels());
    }
}
