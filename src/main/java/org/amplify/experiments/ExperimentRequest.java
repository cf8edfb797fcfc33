package org.amplify.experiments;

import java.util.List;

/**
 * What an admin asks for when starting an experiment: from the Experiments page or
 * {@code POST /api/v1/experiments}. Every field is checked by {@link ExperimentService#start}, which
 * names each bad one at once; an empty optional field takes its default.
 *
 * @param domain one of the algorithmic domains, e.g. {@code permutation-powering}
 * @param mode {@code IA} (with H), {@code IA_HP} (with H', the model of H) or {@code SL}
 * @param size the task size N, within the domain's range and the configured one; default: the
 *     domain's starting size
 * @param steps training steps, positive, at most {@code amplify.experiments.max-steps}
 * @param batch examples per step, positive, at most {@code amplify.experiments.max-batch}; default 64
 * @param seed fixes the held-out questions, the initial weights and the training questions;
 *     default: drawn at random (and stored)
 * @param learningRate positive; default 1e-3
 * @param evaluateEvery steps between two evaluations on the held-out questions; default 250, or a
 *     tenth of the steps when that is fewer
 * @param expertErrorRate IA only: the probability, in [0, 1], that H answers wrongly (a faulty
 *     expert); default 0
 * @param askerLearningRate {@code IA_HP} only: the learning rate of H', positive, at most 1; default 1e-3
 * @param expertCallBudget {@code IA_HP} only: the most calls to H in the run, positive; default: no limit
 * @param curriculum IA only: whether levels (and N) open one by one; default true
 * @param curriculumThreshold IA only: the agreement of the teacher with the amplified targets of a
 *     level before the next opens, in [0.5, 1); default 0.95
 * @param levelThresholds IA only: thresholds of levels 1, 2, … that differ from
 *     {@code curriculumThreshold}, each in [0.5, 1), at most one per level; default none
 * @param curriculumWindow IA only: amplified targets of a level in its running estimate, 100 to
 *     100 000; default 2000
 * @param maxSize IA with the curriculum only: the largest N, at least {@code size} and within the
 *     domain's range; N doubles up to it; default {@code size} (N fixed)
 */
public record ExperimentRequest(String domain, String mode, Integer size, Integer steps, Integer batch, Long seed,
        Double learningRate, Integer evaluateEvery, Double expertErrorRate, Double askerLearningRate,
        Long expertCallBudget, Boolean curriculum, Double curriculumThreshold, List<Double> levelThresholds,
        Integer curriculumWindow, Integer maxSize) {

    /** A request that leaves the curriculum at its defaults. */
    public ExperimentRequest(String domain, String mode, Integer size, Integer steps, Integer batch, Long seed,
            Double learningRate, Integer evaluateEvery, Double expertErrorRate, Double askerLearningRate,
            Long expertCallBudget) {
        this(domain, mode, size, steps, batch, seed, learningRate, evaluateEvery, expertErrorRate, askerLearningRate,
                expertCallBudget, null, null, null, null, null);
    }

    /**
     * The same request in another mode, without the settings that mode does not have: no expert error
     * rate but in IA with H, no settings of H' but in IA with H'.
     */
    public ExperimentRequest withMode(Mode newMode) {
        boolean withH = newMode == Mode.IA;
        boolean withPredictor = newMode == Mode.IA_HP;
        boolean amplified = newMode.amplified();
        return new ExperimentRequest(domain, newMode.name(), size, steps, batch, seed, learningRate, evaluateEvery,
                withH ? expertErrorRate : null, withPredictor ? askerLearningRate : null,
                withPredictor ? expertCallBudget : null, amplified ? curriculum : null,
                amplified ? curriculumThreshold : null, amplified ? levelThresholds : null,
                amplified ? curriculumWindow : null, amplified ? maxSize : null);
    }

    public ExperimentRequest withSeed(Long newSeed) {
        return new ExperimentRequest(domain, mode, size, steps, batch, newSeed, learningRate, evaluateEvery,
                expertErrorRate, askerLearningRate, expertCallBudget, curriculum, curriculumThreshold,
                levelThresholds, curriculumWindow, maxSize);
    }
}
