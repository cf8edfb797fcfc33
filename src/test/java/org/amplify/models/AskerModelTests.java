package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.ExpertStep;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.assignments.SequentialAssignments;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.shortestpath.ShortestPath;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.domains.wildcard.WildcardSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * H', the human predictor: trained briefly on H's transcripts at a domain's smallest size, it
 * predicts H's next action (the whole subquestion, or the final answer) on held-out transcripts
 * better than the most frequent action does; saved and reloaded it predicts the same.
 */
class AskerModelTests {

    private static final int TRAINING_EXAMPLES = 3_000;
    private static final int HELD_OUT_EXAMPLES = 1_000;
    private static final int QUESTIONS_PER_CONTEXT = 10;
    private static final int BATCH = 64;
    private static final int STEPS = 300;
    private static final float LEARNING_RATE = 2e-3f;

    static Stream<AlgorithmicDomain> domains() {
        return Stream.of(new PermutationPowering(), new SequentialAssignments(), new WildcardSearch(),
                new ShortestPath(), new UnionFind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void predictsTheExpertsNextActionBetterThanTheMostFrequentAction(AlgorithmicDomain domain) {
        List<AskerExample> training = examples(domain, TRAINING_EXAMPLES, new SplittableRandom(20181005));
        List<AskerExample> heldOut = examples(domain, HELD_OUT_EXAMPLES, new SplittableRandom(77));
        double baseline = share(heldOut, mostFrequentAction(training));
        long started = System.nanoTime();
        double accuracy;
        try (OneTorchThread oneThread = new OneTorchThread();
                AskerModel model = AskerModel.create(domain, AskerModel.SMALL, LEARNING_RATE, 1)) {
            SplittableRandom order = new SplittableRandom(3);
            float loss = Float.NaN;
            for (int step = 1; step <= STEPS; step++) {
                List<AskerExample> batch = new ArrayList<>(BATCH);
                for (int b = 0; b < BATCH; b++) {
                    batch.add(training.get(order.nextInt(training.size())));
                }
                loss = model.train(batch);
            }
            accuracy = model.accuracy(heldOut);
            System.out.printf("H' %s: accuracy %.3f vs most-frequent-action baseline %.3f (%d training examples, "
                            + "%d held out, %d steps of %d, last loss %.3f, %d parameters, %d ms)%n", domain.name(),
                    accuracy, baseline, training.size(), heldOut.size(), STEPS, BATCH, loss, model.parameterCount(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(accuracy).as("H' accuracy on held-out transcripts of %s", domain.name())
                .isGreaterThan(baseline + 0.5).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aSavedAndReloadedPredictorPredictsTheSame() throws Exception {
        PermutationPowering domain = new PermutationPowering();
        List<AskerExample> examples = examples(domain, 300, new SplittableRandom(5));
        List<AskerInput> inputs = examples.stream().map(AskerExample::input).toList();
        try (AskerModel model = AskerModel.create(domain, AskerModel.SMALL, LEARNING_RATE, 11)) {
            for (int step = 0; step < 20; step++) {
                model.train(examples.subList(step * 10, step * 10 + BATCH));
            }
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            model.save(file);
            try (AskerModel reloaded = AskerModel.load(domain, new ByteArrayInputStream(file.toByteArray()))) {
                assertThat(reloaded.predict(inputs)).containsExactlyElementsOf(model.predict(inputs));
                assertThat(reloaded.parameterCount()).isEqualTo(model.parameterCount());
            }
            assertThatThrownBy(() -> AskerModel.load(new WildcardSearch(), new ByteArrayInputStream(file.toByteArray())))
                    .isInstanceOf(MalformedModelException.class).hasMessageContaining("not wildcard-search");
        }
    }

    @Test
    void everyActionOfATranscriptIsAnExampleAfterItsPrefix() {
        Question question = new Question(1, 2, 3);
        Question first = new Question(4, 5, 6);
        Question second = new Question(7, 8, 9);
        Transcript transcript = new Transcript(question,
                List.of(new Exchange(first, 10), new Exchange(second, 11)), 12);
        assertThat(AskerExample.of(transcript)).containsExactly(
                new AskerExample(new AskerInput(question, List.of()), ExpertStep.ask(first)),
                new AskerExample(new AskerInput(question, transcript.exchanges().subList(0, 1)), ExpertStep.ask(second)),
                new AskerExample(new AskerInput(question, transcript.exchanges()), ExpertStep.answer(12)));
    }

    /**
     * (prefix, action) examples of H's transcripts at the domain's smallest size, H's subquestions
     * answered by the environment (primitive) or the ground truth (the others), whole transcripts
     * until there are at least {@code count}.
     */
    private static List<AskerExample> examples(AlgorithmicDomain domain, int count, SplittableRandom random) {
        List<AskerExample> examples = new ArrayList<>();
        while (examples.size() < count) {
            Context context = domain.generate(domain.minSize(), random);
            List<Question> questions = new ArrayList<>();
            for (int q = 0; q < QUESTIONS_PER_CONTEXT; q++) {
                questions.add(domain.randomQuestion(context, random));
            }
            List<Transcript> transcripts = ExpertRunner.run(domain.expert(), questions, (subquestions, askedBy) ->
                    subquestions.stream().mapToInt(sub -> domain.isPrimitive(sub)
                            ? domain.answerPrimitive(context, sub) : domain.solve(context, sub)).toArray());
            examples.addAll(AskerExample.of(transcripts));
        }
        return examples;
    }

    private static ExpertStep mostFrequentAction(List<AskerExample> examples) {
        Map<ExpertStep, Integer> counts = new LinkedHashMap<>();
        for (AskerExample example : examples) {
            counts.merge(example.action(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double share(List<AskerExample> examples, ExpertStep action) {
        return (double) examples.stream().filter(example -> example.action().equals(action)).count() / examples.size();
    }
}
