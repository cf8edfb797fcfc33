package org.amplify.experiments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.ModelSize;

/**
 * One unattended training run on an algorithmic domain: what it trains on, then its settings by
 * group. Build it with {@link #builder()} (every setting at its default until set) or
 * {@link #toBuilder()}. Its JSON (the stored settings of an experiment, the API's {@code settings}) is
 * flat, one field a setting, as it was before the groups: each group is {@link JsonUnwrapped}, and
 * reads a field a stored document lacks (it is older than the field) as 0, false or empty, as the flat
 * record did.
 *
 * @param size the task size N
 * @param steps training steps (one Adam step each)
 * @param maxLevel ask questions up to this level only, in training and evaluation (0: every level
 *     of the domain); a smaller task than the domain's full one, for quick runs and tests
 */
public record ExperimentSettings(
        String domain,
        Mode mode,
        int size,
        int steps,
        long seed,
        int maxLevel,
        @JsonUnwrapped Training training,
        @JsonUnwrapped Amplification amplification,
        @JsonUnwrapped Curriculum curriculum,
        @JsonUnwrapped Evaluation evaluation,
        @JsonUnwrapped HumanPredictor humanPredictor) {

    public static final double DEFAULT_CURRICULUM_THRESHOLD = 0.95;
    public static final int DEFAULT_CURRICULUM_WINDOW = 2000;

    /**
     * How X trains.
     *
     * @param batch training examples per step
     * @param learningRate X's Adam learning rate
     */
    public record Training(int batch, ModelSize model, float learningRate) {

        @JsonCreator
        static Training json(@JsonProperty("batch") Integer batch, @JsonProperty("model") ModelSize model,
                @JsonProperty("learningRate") Float learningRate) {
            return new Training(orZero(batch), model, learningRate == null ? 0 : learningRate);
        }
    }

    /**
     * IA only: the amplified targets, their replay buffer, the teacher, and H.
     *
     * @param targetsPerStep new amplified targets made per step (into the replay buffer)
     * @param teacherDecay the teacher is a moving average of X with this decay per step
     * @param expertErrorRate the probability that H, a faulty expert, combines its answers into a wrong
     *     final answer (0: never), to measure how IA degrades
     */
    public record Amplification(int targetsPerStep, int bufferCapacity, float teacherDecay, double expertErrorRate) {

        @JsonCreator
        static Amplification json(@JsonProperty("targetsPerStep") Integer targetsPerStep,
                @JsonProperty("bufferCapacity") Integer bufferCapacity, @JsonProperty("teacherDecay") Float teacherDecay,
                @JsonProperty("expertErrorRate") Double expertErrorRate) {
            return new Amplification(orZero(targetsPerStep), orZero(bufferCapacity),
                    teacherDecay == null ? 0 : teacherDecay, expertErrorRate == null ? 0 : expertErrorRate);
        }
    }

    /**
     * IA only: start with the lowest level of questions and open the next when the teacher agrees
     * with the amplified targets of the highest open level at least {@code threshold} of the time,
     * over its last {@code window} targets; then grow N up to {@code maxSize}.
     *
     * @param enabled whether there is a curriculum (JSON {@code curriculum})
     * @param threshold the agreement a level needs before the next level opens (and, with every level
     *     open, before N grows), unless {@code levelThresholds} gives the level its own (JSON
     *     {@code curriculumThreshold})
     * @param window amplified targets of a level in its running estimate of agreement (JSON
     *     {@code curriculumWindow}; 0 or less: {@value #DEFAULT_CURRICULUM_WINDOW})
     * @param levelThresholds the threshold of level 1, 2, … where it is not {@code threshold} (empty:
     *     every level has {@code threshold})
     * @param maxSize the largest N; N doubles from {@code size} up to it once every level is learned at
     *     the current N (0 or {@code size}: N stays {@code size})
     */
    public record Curriculum(
            @JsonProperty("curriculum") boolean enabled,
            @JsonProperty("curriculumThreshold") double threshold,
            @JsonProperty("curriculumWindow") int window,
            List<Double> levelThresholds,
            int maxSize) {

        public Curriculum {
            levelThresholds = levelThresholds == null ? List.of() : List.copyOf(levelThresholds);
            if (window <= 0) {
                window = DEFAULT_CURRICULUM_WINDOW;
            }
        }

        @JsonCreator
        static Curriculum json(@JsonProperty("curriculum") Boolean enabled,
                @JsonProperty("curriculumThreshold") Double threshold, @JsonProperty("curriculumWindow") Integer window,
                @JsonProperty("levelThresholds") List<Double> levelThresholds, @JsonProperty("maxSize") Integer maxSize) {
            return new Curriculum(enabled != null && enabled, threshold == null ? 0 : threshold, orZero(window),
                    levelThresholds, orZero(maxSize));
        }

        /** The agreement level {@code level} (1-based) needs before the curriculum moves on. */
        public double thresholdFor(int level) {
            return level >= 1 && level <= levelThresholds.size() ? levelThresholds.get(level - 1) : threshold;
        }
    }

    /**
     * @param evaluateEvery steps between two evaluations on the held-out questions
     * @param heldOut held-out questions (ground truth), fixed by the seed
     */
    public record Evaluation(int evaluateEvery, int heldOut) {

        @JsonCreator
        static Evaluation json(@JsonProperty("evaluateEvery") Integer evaluateEvery,
                @JsonProperty("heldOut") Integer heldOut) {
            return new Evaluation(orZero(evaluateEvery), orZero(heldOut));
        }
    }

    /**
     * IA with H' only.
     *
     * @param learningRate the Adam learning rate of H' (JSON {@code askerLearningRate})
     * @param expertCallBudget the most calls to H in the run (0: no limit)
     */
    public record HumanPredictor(@JsonProperty("askerLearningRate") float learningRate, long expertCallBudget) {

        @JsonCreator
        static HumanPredictor json(@JsonProperty("askerLearningRate") Float learningRate,
                @JsonProperty("expertCallBudget") Long expertCallBudget) {
            return new HumanPredictor(learningRate == null ? 0 : learningRate,
                    expertCallBudget == null ? 0 : expertCallBudget);
        }
    }

    @JsonCreator
    static ExperimentSettings json(@JsonProperty("domain") String domain, @JsonProperty("mode") Mode mode,
            @JsonProperty("size") Integer size, @JsonProperty("steps") Integer steps, @JsonProperty("seed") Long seed,
            @JsonProperty("maxLevel") Integer maxLevel, @JsonUnwrapped Training training,
            @JsonUnwrapped Amplification amplification, @JsonUnwrapped Curriculum curriculum,
            @JsonUnwrapped Evaluation evaluation, @JsonUnwrapped HumanPredictor humanPredictor) {
        return new ExperimentSettings(domain, mode, orZero(size), orZero(steps), seed == null ? 0 : seed,
                orZero(maxLevel), training, amplification, curriculum, evaluation, humanPredictor);
    }

    /** What a stored document without the field read as before the groups: 0. */
    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Settings with every default: a batch of 64, X of {@link ModelSize#DEFAULT}, the curriculum on… */
    public static Builder builder() {
        return new Builder();
    }

    public static ExperimentSettings defaults(String domain, Mode mode, int size, int steps, long seed) {
        return builder().domain(domain).mode(mode).size(size).steps(steps).seed(seed).build();
    }

    /** A builder holding these settings, to change some. */
    public Builder toBuilder() {
        return new Builder().domain(domain).mode(mode).size(size).steps(steps).seed(seed).maxLevel(maxLevel)
                .batch(training.batch()).model(training.model()).learningRate(training.learningRate())
                .targetsPerStep(amplification.targetsPerStep()).bufferCapacity(amplification.bufferCapacity())
                .teacherDecay(amplification.teacherDecay()).expertErrorRate(amplification.expertErrorRate())
                .curriculum(curriculum.enabled()).curriculumThreshold(curriculum.threshold())
                .curriculumWindow(curriculum.window()).levelThresholds(curriculum.levelThresholds())
                .maxSize(curriculum.maxSize()).evaluateEvery(evaluation.evaluateEvery()).heldOut(evaluation.heldOut())
                .askerLearningRate(humanPredictor.learningRate()).expertCallBudget(humanPredictor.expertCallBudget());
    }

    /** The levels of questions this run asks: 1 to this. */
    public int levels(AlgorithmicDomain domain) {
        return maxLevel <= 0 ? domain.levels() : Math.min(maxLevel, domain.levels());
    }

    /** Every setting by its name in the JSON, each at its default until set. */
    public static final class Builder {

        private String domain;
        private Mode mode;
        private int size;
        private int steps;
        private long seed;
        private int maxLevel;
        private int batch = 64;
        private ModelSize model = ModelSize.DEFAULT;
        private float learningRate = 1e-3f;
        private int targetsPerStep = 32;
        private int bufferCapacity = 20_000;
        private float teacherDecay = 0.99f;
        private double expertErrorRate;
        private boolean curriculum = true;
        private double curriculumThreshold = DEFAULT_CURRICULUM_THRESHOLD;
        private int curriculumWindow = DEFAULT_CURRICULUM_WINDOW;
        private List<Double> levelThresholds = List.of();
        private int maxSize;
        private int evaluateEvery = 250;
        private int heldOut = 1000;
        private float askerLearningRate = 1e-3f;
        private long expertCallBudget;

        private Builder() {
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder size(int size) {
            this.size = size;
            return this;
        }

        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder maxLevel(int maxLevel) {
            this.maxLevel = maxLevel;
            return this;
        }

        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        public Builder model(ModelSize model) {
            this.model = model;
            return this;
        }

        public Builder learningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder targetsPerStep(int targetsPerStep) {
            this.targetsPerStep = targetsPerStep;
            return this;
        }

        public Builder bufferCapacity(int bufferCapacity) {
            this.bufferCapacity = bufferCapacity;
            return this;
        }

        public Builder teacherDecay(float teacherDecay) {
            this.teacherDecay = teacherDecay;
            return this;
        }

        public Builder expertErrorRate(double expertErrorRate) {
            this.expertErrorRate = expertErrorRate;
            return this;
        }

        public Builder curriculum(boolean curriculum) {
            this.curriculum = curriculum;
            return this;
        }

        public Builder curriculumThreshold(double curriculumThreshold) {
            this.curriculumThreshold = curriculumThreshold;
            return this;
        }

        public Builder curriculumWindow(int curriculumWindow) {
            this.curriculumWindow = curriculumWindow;
            return this;
        }

        public Builder levelThresholds(List<Double> levelThresholds) {
            this.levelThresholds = levelThresholds;
            return this;
        }

        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Builder evaluateEvery(int evaluateEvery) {
            this.evaluateEvery = evaluateEvery;
            return this;
        }

        public Builder heldOut(int heldOut) {
            this.heldOut = heldOut;
            return this;
        }

        public Builder askerLearningRate(float askerLearningRate) {
            this.askerLearningRate = askerLearningRate;
            return this;
        }

        public Builder expertCallBudget(long expertCallBudget) {
            this.expertCallBudget = expertCallBudget;
            return this;
        }

        public ExperimentSettings build() {
            return new ExperimentSettings(domain, mode, size, steps, seed, maxLevel,
                    new Training(batch, model, learningRate),
                    new Amplification(targetsPerStep, bufferCapacity, teacherDecay, expertErrorRate),
                    new Curriculum(curriculum, curriculumThreshold, curriculumWindow, levelThresholds, maxSize),
                    new Evaluation(evaluateEvery, heldOut),
                    new HumanPredictor(askerLearningRate, expertCallBudget));
        }
    }
}
