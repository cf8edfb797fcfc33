package org.amplify.distillation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;
import org.amplify.models.ModelSize;
import org.amplify.models.TextExample;
import org.amplify.models.TrainingCancelledException;
import org.amplify.questions.Transcript;

/**
 * The train and evaluate phases of a round in an algorithmic domain: X(k+1) is X(k)'s weights (or
 * new ones) trained on the snapshot's answers, each question seen with its tree's context; targets
 * as {@link TrainingExamples} makes them (vote shares as distributions, corrections as one-hot).
 * Both models are then evaluated on the held-out transcripts and on fresh questions with their
 * ground truth, which the algorithmic domains have.
 */
final class AlgorithmicRound {

    static final int BATCH = 32;
    static final float LEARNING_RATE = 1e-3f;
    static final int GROUND_TRUTH_QUESTIONS = 300;

    private final AlgorithmicDomain domain;
    private final LongFunction<Context> contextOfTree;

    /** @param contextOfTree the context of a tree's questions, by the tree's id */
    AlgorithmicRound(AlgorithmicDomain domain, LongFunction<Context> contextOfTree) {
        this.domain = domain;
        this.contextOfTree = contextOfTree;
    }

    /** One question with its context and its target distribution over answer tokens. */
    record Example(ModelInput input, float[] target) {}

    /** Training and held-out examples; {@code skipped} counts targets that are no answer of the domain. */
    record Examples(List<Example> train, List<Example> heldOut, int skipped) {}

    /** The examples of the transcripts, split as {@link TrainingExamples#isHeldOut} says. */
    Examples examples(List<Transcript> transcripts, double heldOutShare, long seed, boolean majorityOnly) {
        List<Example> train = new ArrayList<>();
        List<Example> heldOut = new ArrayList<>();
        Map<Long, Context> contexts = new HashMap<>();
        int skipped = 0;
        for (Transcript transcript : transcripts) {
            Context context = contexts.computeIfAbsent(transcript.treeId(), contextOfTree::apply);
            List<Example> into = TrainingExamples.isHeldOut(transcript, heldOutShare, seed) ? heldOut : train;
            for (TextExample text : TrainingExamples.of(transcript, majorityOnly)) {
                Optional<Example> example = example(context, text);
                example.ifPresent(into::add);
                skipped += example.isEmpty() ? 1 : 0;
            }
        }
        if (train.isEmpty() && !heldOut.isEmpty()) { // a tiny snapshot: train on something
            train.add(heldOut.remove(heldOut.size() - 1));
        }
        return new Examples(train, heldOut, skipped);
    }

    /** The example, or empty when the question does not parse or no target is a token of the domain. */
    private Optional<Example> example(Context context, TextExample text) {
        Optional<Question> question = domain.parse(text.question());
        if (question.isEmpty()) {
            return Optional.empty();
        }
        Vocabulary vocabulary = domain.vocabulary();
        float[] target = new float[vocabulary.size()];
        double total = 0;
        for (Map.Entry<String, Double> answer : text.targets().entrySet()) {
            int token = vocabulary.token(answer.getKey().strip());
            if (token > Vocabulary.UNKNOWN && token < target.length) {
                target[token] += answer.getValue().floatValue();
                total += answer.getValue();
            }
        }
        if (total <= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < target.length; i++) {
            target[i] /= (float) total;
        }
        return Optional.of(new Example(new ModelInput(context.facts(), question.get()), target));
    }

    /** Training steps for so many examples and epochs. */
    static int totalSteps(int examples, int epochs) {
        return epochs * ((examples + BATCH - 1) / BATCH);
    }

    /**
     * Trains X(k+1): from a copy of the parent's weights, or new ones from the seed.
     *
     * @param onStep told the number of steps done after each
     * @param stop asked before each step; a yes ends training with {@link TrainingCancelledException}
     * @return the model (the caller closes it) and the mean loss of its first and last epochs
     */
    Trained train(Examples examples, AnswerModel parent, int epochs, long seed, IntConsumer onStep, BooleanSupplier stop) {
        AnswerModel model = parent != null ? parent.copy()
                : AnswerModel.create(domain, ModelSize.DEFAULT, LEARNING_RATE, seed);
        try {
            List<Example> train = new ArrayList<>(examples.train());
            SplittableRandom random = new SplittableRandom(seed);
            int step = 0;
            int total = totalSteps(train.size(), epochs);
            double firstEpochLoss = Double.NaN;
            double lastEpochLoss = Double.NaN;
            for (int epoch = 0; epoch < epochs; epoch++) {
                shuffle(train, random);
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from < train.size(); from += BATCH) {
                    if (stop.getAsBoolean()) {
                        throw new TrainingCancelledException(step, total);
                    }
                    List<Example> batch = train.subList(from, Math.min(train.size(), from + BATCH));
                    lossSum += model.train(batch.stream().map(Example::input).toList(),
                            batch.stream().map(Example::target).toArray(float[][]::new));
                    batches++;
                    onStep.accept(++step);
                }
                lastEpochLoss = batches == 0 ? Double.NaN : lossSum / batches;
                if (epoch == 0) {
                    firstEpochLoss = lastEpochLoss;
                }
            }
            return new Trained(model, firstEpochLoss, lastEpochLoss);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A trained model and the mean training loss of its first and last epochs. */
    record Trained(AnswerModel model, double firstEpochLoss, double lastEpochLoss) implements AutoCloseable {

        @Override
        public void close() {
            model.close();
        }
    }

    /** The share of examples whose most likely target the model answers; null when there are none. */
    static Double accuracy(AnswerModel model, List<Example> examples) {
        if (examples.isEmpty()) {
            return null;
        }
        int[] answers = model.answer(examples.stream().map(Example::input).toList());
        int right = 0;
        for (int i = 0; i < answers.length; i++) {
            right += answers[i] == argMax(examples.get(i).target()) ? 1 : 0;
        }
        return (double) right / answers.length;
    }

    /**
     * The model's accuracy on fresh questions of every level at the domain's default size, against
     * their ground truth; the same questions for every model of a seed.
     */
    GroundTruth groundTruth(AnswerModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<ModelInput> inputs = new ArrayList<>();
        List<Integer> truths = new ArrayList<>();
        Context context = null;
        for (int i = 0; i < GROUND_TRUTH_QUESTIONS; i++) {
            if (i % 4 == 0) {
                context = domain.generate(domain.defaultSize(), random);
            }
            Question question = domain.randomQuestion(context, random);
            inputs.add(new ModelInput(context.facts(), question));
            truths.add(domain.solve(context, question));
        }
        int[] answers = model.answer(inputs);
        int right = 0;
        for (int i = 0; i < answers.length; i++) {
            right += answers[i] == truths.get(i) ? 1 : 0;
        }
        return new GroundTruth((double) right / answers.length, answers.length, domain.defaultSize());
    }

    /** A model's accuracy on so many fresh questions of a context size, against their ground truth. */
    record GroundTruth(double accuracy, int questions, int size) {}

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
