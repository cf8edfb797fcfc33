package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.amplify.models.AnswerModel;

/**
 * One unattended run of iterated amplification (IA) or of its supervised baseline (SL), as in the
 * paper's {@code train.py}.
 *
 * <p>IA: at each step, fresh random questions are amplified, Amplify^H(teacher), where H is the
 * domain's programmatic expert and the teacher a moving average of X's weights; their answers go
 * into a replay buffer, and X takes one step on a batch drawn from it. With the curriculum, only the
 * lowest level of questions is asked at first (its targets need only primitive answers), and the
 * next level, then a larger N, opens on a running estimate of how often the teacher agrees with the
 * amplified targets ({@link Curriculum}): no ground truth is used for any of this.
 *
 * <p>IA with H': the same, but the targets come from Amplify^H'(teacher), where H' is a model of H
 * trained in the run on H's transcripts; H is asked for new ones at a rate that falls as H' gets good
 * ({@link HumanPredictor}), and those transcripts' answers are targets too.
 *
 * <p>SL: the same X, steps and batch, trained on ground-truth answers of random questions of every
 * level. All three are evaluated on the same held-out questions.
 */
public final class TrainingRun {

    static final int QUESTIONS_PER_CONTEXT = 4;

    private final AlgorithmicDomain domain;
    private final ExperimentSettings settings;
    private final Amplifier amplifier;
    private final SplittableRandom random;
    private final int levels;

    private final Curriculum curriculum;
    private final Map<Integer, HeldOutSet> heldOutBySize = new HashMap<>();
    private final TrainingStep.Counts counts = new TrainingStep.Counts();
    private final FaultyExpert faultyExpert;

    public TrainingRun(AlgorithmicDomain domain, ExperimentSettings settings, Amplifier amplifier) {
        this.domain = domain;
        this.settings = settings;
        this.amplifier = amplifier;
        this.random = new SplittableRandom(settings.seed());
        this.levels = settings.levels(domain);
        this.curriculum = new Curriculum(settings, levels);
        this.faultyExpert = new FaultyExpert(settings.amplification().expertErrorRate(), settings.seed());
    }

    /** The final answers a faulty expert has given wrongly so far (0 unless {@code expertErrorRate} > 0). */
    public long faults() {
        return counts.faults;
    }

    /**
     * Trains until the step budget is spent or {@code cancelled} says stop (checked every step).
     *
     * @param onPoint told of every evaluation as soon as it is made
     * @return the trained X (the caller closes it) and every point
     */
    public Result run(Consumer<ExperimentPoint> onPoint, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        AnswerModel student = AnswerModel.create(domain, settings.training().model(), settings.training().learningRate(),
                settings.seed());
        List<ExperimentPoint> points = new ArrayList<>();
        try (AnswerModel teacher = settings.mode().amplified() ? student.copy() : null;
                HumanPredictor predictor = settings.mode() == Mode.IA_HP
                        ? new HumanPredictor(domain, settings.size(), levels, settings.humanPredictor().learningRate(),
                                settings.humanPredictor().expertCallBudget(), settings.seed())
                        : null) {
            TrainingStep training = switch (settings.mode()) {
                case SL -> new SupervisedStep(domain, settings, levels, random, counts);
                case IA -> new ExpertAmplifiedStep(domain, settings, amplifier, curriculum, teacher, faultyExpert,
                        random, counts);
                case IA_HP -> new PredictorAmplifiedStep(domain, settings, amplifier, curriculum, teacher, predictor,
                        random, counts);
            };
            double lossSum = 0;
            int lossCount = 0;
            int step = 0;
            while (step < settings.steps() && !cancelled.getAsBoolean()) {
                step++;
                float loss = training.take(student);
                if (!Float.isNaN(loss)) {
                    lossSum += loss;
                    lossCount++;
                }
                boolean last = step == settings.steps();
                if (step % settings.evaluation().evaluateEvery() == 0 || last) {
                    double meanLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
                    points.add(evaluate(student, teacher, predictor, step, meanLoss, start, onPoint));
                    lossSum = 0;
                    lossCount = 0;
                }
            }
            if (points.isEmpty() || points.get(points.size() - 1).step() != step) {
                double meanLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
                points.add(evaluate(student, teacher, predictor, step, meanLoss, start, onPoint));
            }
            return new Result(student, points, step < settings.steps());
        } catch (RuntimeException e) {
            student.close();
            throw e;
        }
    }

    /** Evaluates X on the held-out questions of the current N (each N has its own, fixed by the seed). */
    private ExperimentPoint evaluate(AnswerModel student, AnswerModel teacher, HumanPredictor predictor, int step,
            double loss, long start, Consumer<ExperimentPoint> onPoint) {
        HeldOutSet heldOut = heldOutBySize.computeIfAbsent(curriculum.size(),
                n -> new HeldOutSet(domain, n, levels, settings.evaluation().heldOut(), settings.seed()));
        HeldOutSet.Evaluation evaluation = heldOut.evaluate(student, 250);
        double askerAccuracy = predictor == null ? Double.NaN : predictor.accuracy(amplifier, teacher);
        ExperimentPoint point = new ExperimentPoint(step, evaluation.accuracy(), evaluation.accuracyByKind(), loss,
                counts.callsToH, counts.labels, curriculum.openLevels(), (System.nanoTime() - start) / 1_000_000, askerAccuracy,
                curriculum.size());
        onPoint.accept(point);
        return point;
    }

    /** @param cancelled whether the run stopped before its step budget */
    public record Result(AnswerModel model, List<ExperimentPoint> points, boolean cancelled) {}
}
