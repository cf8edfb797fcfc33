package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.models.AnswerModel;
import org.amplify.models.AskerExample;
import org.amplify.models.AskerModel;

/**
 * H' of one experiment, as the paper's {@code train.py} runs its asker: it learns from H's
 * transcripts (of Amplify^H(X), made in the same run) and decides in H's place for the run's
 * targets. H is called at a rate that falls as H' gets good, as {@link ExpertCallSchedule} says, by
 * the loss of H' (a moving average of its training loss per action).
 *
 * <p>Until its loss first falls below {@value ExpertCallSchedule#FIRST_THRESHOLD}, H' makes no
 * targets: X learns only from H's transcripts meanwhile (one a step), not from a model that does not
 * know yet what H does.
 * H' has its own random source, so the run's questions are those of IA with H from the same seed.
 *
 * <p>The accuracy of H' is measured on H's actions in transcripts of fixed questions, made with the
 * current teacher at each evaluation: those calls are measurements, like the ground truth of the
 * held-out questions, and are not counted as calls to H.
 */
final class HumanPredictor implements AutoCloseable {

    private static final double LOSS_SMOOTHING = 0.05;
    private static final int BATCH = 64;
    private static final int CAPACITY = 50_000;
    private static final int EVALUATION_QUESTIONS = 100;
    private static final int QUESTIONS_PER_CONTEXT = 4;

    private final AlgorithmicDomain domain;
    private final AskerModel asker;
    private final ExpertCallSchedule schedule;
    private final List<AskerExample> examples = new ArrayList<>();
    private final List<Context> evaluationContexts = new ArrayList<>();
    private final List<Question> evaluationQuestions = new ArrayList<>();
    private int next;
    private double loss = Double.POSITIVE_INFINITY;
    private int mostExchanges;
    private boolean ready;
    private final SplittableRandom random;

    /**
     * @param budget the most calls to H in the run; 0: no limit
     * @param levels the levels of questions of the run, for the evaluation questions
     */
    HumanPredictor(AlgorithmicDomain domain, int size, int levels, float learningRate, long budget, long seed) {
        this.domain = domain;
        this.schedule = new ExpertCallSchedule(budget);
        this.asker = AskerModel.create(domain, AskerModel.SMALL, learningRate, seed);
        this.random = new SplittableRandom(seed ^ 0x4A5C_E4F0L);
        SplittableRandom questions = new SplittableRandom(seed ^ 0xA5CE_4E1DL);
        Context context = null;
        for (int i = 0; i < EVALUATION_QUESTIONS; i++) {
            if (i % QUESTIONS_PER_CONTEXT == 0) {
                context = domain.generate(size, questions);
            }
            evaluationContexts.add(context);
            evaluationQuestions.add(domain.randomQuestion(context, 1 + i % levels, questions));
        }
    }

    /** The loss of H': a moving average of its training loss per action ({@code +∞} before it has trained). */
    double loss() {
        return loss;
    }

    /** Whether H' decides in H's place yet: once its loss has first fallen below 0.1. */
    boolean ready() {
        return ready;
    }

    /** The random source of H's new questions and of the batches of H', apart from the run's. */
    SplittableRandom random() {
        return random;
    }

    /** How many new transcripts to ask H for at this step. */
    int callsDue() {
        return schedule.callsDue(loss);
    }

    /** Keeps H's actions in these transcripts to learn from; the oldest go once it holds {@value #CAPACITY}. */
    void learnFrom(List<Transcript> transcripts) {
        for (Transcript transcript : transcripts) {
            mostExchanges = Math.max(mostExchanges, transcript.exchanges().size());
        }
        for (AskerExample example : AskerExample.of(transcripts)) {
            if (examples.size() < CAPACITY) {
                examples.add(example);
            } else {
                examples.set(next, example);
                next = (next + 1) % CAPACITY;
            }
        }
    }

    /** One Adam step of H' on a batch of H's actions seen so far (none before the first call to H). */
    void train() {
        if (examples.isEmpty()) {
            return;
        }
        List<AskerExample> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(examples.get(random.nextInt(examples.size())));
        }
        double batchLoss = asker.train(batch);
        loss = Double.isInfinite(loss) ? batchLoss : loss + LOSS_SMOOTHING * (batchLoss - loss);
        ready |= loss < ExpertCallSchedule.FIRST_THRESHOLD;
    }

    /** H' deciding in H's place, asking at most as many subquestions as H was seen to ask. */
    ExpertRunner.BatchExpert expert() {
        return asker.asExpert(mostExchanges);
    }

    /** The share of H's actions H' predicts exactly, in H's transcripts of the evaluation questions with X. */
    double accuracy(Amplifier amplifier, AnswerModel model) {
        List<Transcript> transcripts = amplifier.amplify(domain, evaluationContexts, evaluationQuestions, model)
                .transcripts();
        return asker.accuracy(AskerExample.of(transcripts));
    }

    @Override
    public void close() {
        asker.close();
    }
}
