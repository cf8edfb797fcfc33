package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.wildcard.WildcardSearch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X: saved and reloaded it answers the same; it learns to read a fact; a teacher follows it. */
class AnswerModelTests {

    private final PermutationPowering domain = new PermutationPowering();

    @Test
    void aSavedAndReloadedModelGivesIdenticalPredictions() throws Exception {
        List<ModelInput> inputs = randomInputs(200, new SplittableRandom(3), 0);
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 11)) {
            trainOnLookups(model, 30);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            model.save(file);
            try (AnswerModel reloaded = AnswerModel.load(domain, new ByteArrayInputStream(file.toByteArray()))) {
                assertThat(reloaded.answer(inputs)).containsExactly(model.answer(inputs));
                assertThat(reloaded.distributions(inputs)).isDeepEqualTo(model.distributions(inputs));
                assertThat(reloaded.parameterCount()).isEqualTo(model.parameterCount());
            }
        }
    }

    @Test
    void aModelFileOfAnotherDomainOrNotAModelIsRefused() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 1)) {
            model.save(file);
        }
        assertThatThrownBy(() -> AnswerModel.load(new WildcardSearch(), new ByteArrayInputStream(file.toByteArray())))
                .isInstanceOf(MalformedModelException.class).hasMessageContaining("not wildcard-search");
        assertThatThrownBy(() -> AnswerModel.load(domain, new ByteArrayInputStream("hello".repeat(10).getBytes())))
                .isInstanceOf(MalformedModelException.class);
    }

    @Test
    void xLearnsToReadAFactOfItsContext() {
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 5)) {
            List<ModelInput> heldOut = randomInputs(300, new SplittableRandom(99), 1);
            double before = accuracy(model, heldOut);
            trainOnLookups(model, 400);
            double after = accuracy(model, heldOut);
            System.out.printf("σ(x) lookup accuracy: %.3f before, %.3f after 400 steps%n", before, after);
            assertThat(before).isLessThan(0.3);
            assertThat(after).isGreaterThan(0.95);
        }
    }

    @Test
    void aTeacherWithDecayZeroCopiesAndWithDecayOneStays() {
        List<ModelInput> inputs = randomInputs(100, new SplittableRandom(4), 1);
        try (AnswerModel student = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 7);
                AnswerModel teacher = student.copy()) {
            assertThat(teacher.distributions(inputs)).isDeepEqualTo(student.distributions(inputs));
            float[][] untrained = teacher.distributions(inputs);
            trainOnLookups(student, 20);
            teacher.follow(student, 1f);
            assertThat(teacher.distributions(inputs)).isDeepEqualTo(untrained);
            teacher.follow(student, 0f);
            assertThat(teacher.distributions(inputs)).isDeepEqualTo(student.distributions(inputs));
        }
    }

    /** Trains on σ(x), the primitive question, whose answer is one fact of the context. */
    private void trainOnLookups(AnswerModel model, int steps) {
        SplittableRandom random = new SplittableRandom(1);
        for (int step = 0; step < steps; step++) {
            List<ModelInput> inputs = randomInputs(64, random, 1);
            int[] targets = inputs.stream().mapToInt(i -> answer(i)).toArray();
            model.train(inputs, targets);
        }
    }

    private double accuracy(AnswerModel model, List<ModelInput> inputs) {
        int[] answers = model.answer(inputs);
        int correct = 0;
        for (int i = 0; i < answers.length; i++) {
            correct += answers[i] == answer(inputs.get(i)) ? 1 : 0;
        }
        return correct / (double) answers.length;
    }

    private final java.util.Map<ModelInput, Context> contexts = new java.util.IdentityHashMap<>();

    private int answer(ModelInput input) {
        return domain.solve(contexts.get(input), input.question());
    }

    private List<ModelInput> randomInputs(int count, SplittableRandom random, int power) {
        List<ModelInput> inputs = new ArrayList<>();
        Context context = null;
        for (int i = 0; i < count; i++) {
            if (i % 4 == 0) {
                context = domain.generate(8, random);
            }
            Question question = domain.question(context.facts()[random.nextInt(8)][0], power);
            ModelInput input = new ModelInput(context.facts(), question);
            contexts.put(input, context);
            inputs.add(input);
        }
        return inputs;
    }
}
