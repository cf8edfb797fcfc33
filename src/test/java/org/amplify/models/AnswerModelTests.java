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

/** X: saved and reloaded it answers the same; a foreign file is refused; a teacher follows it. */
class AnswerModelTests {

    private final PermutationPowering domain = new PermutationPowering();

    @Test
    void aSavedAndReloadedModelGivesIdenticalPredictions() throws Exception {
        List<ModelInput> inputs = randomInputs(200, new SplittableRandom(3));
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 11);
                AnswerModel other = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 12)) {
            assertThat(other.distributions(inputs)).as("a model of another seed answers differently")
                    .isNotEqualTo(model.distributions(inputs));
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
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 1)) {
            model.save(file);
        }
        assertThatThrownBy(() -> AnswerModel.load(new WildcardSearch(), new ByteArrayInputStream(file.toByteArray())))
                .isInstanceOf(MalformedModelException.class).hasMessageContaining("not wildcard-search");
        assertThatThrownBy(() -> AnswerModel.load(domain, new ByteArrayInputStream("hello".repeat(10).getBytes())))
                .isInstanceOf(MalformedModelException.class);
    }

    @Test
    void aTeacherWithDecayOneStaysAndWithDecayZeroCopies() {
        List<ModelInput> inputs = randomInputs(100, new SplittableRandom(4));
        try (AnswerModel student = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 7);
                AnswerModel teacher = student.copy();
                AnswerModel other = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 8)) {
            assertThat(teacher.distributions(inputs)).isDeepEqualTo(student.distributions(inputs));
            teacher.follow(other, 1f);
            assertThat(teacher.distributions(inputs)).isDeepEqualTo(student.distributions(inputs));
            teacher.follow(other, 0.5f);
            float[][] halfway = teacher.distributions(inputs);
            assertThat(halfway).isNotEqualTo(student.distributions(inputs)).isNotEqualTo(other.distributions(inputs));
            teacher.follow(other, 0f);
            assertThat(teacher.distributions(inputs)).isDeepEqualTo(other.distributions(inputs));
        }
    }

    @Test
    void aTeacherFollowsItsStudentOnAThreadOtherThanTheOneThatLoadedTheEngine() throws Exception {
        List<ModelInput> inputs = randomInputs(64, new SplittableRandom(5));
        int[] targets = new int[inputs.size()];
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        float[][][] seen = new float[2][][];
        Thread worker = new Thread(() -> {
            try (AnswerModel student = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 9);
                    AnswerModel teacher = student.copy()) {
                student.train(inputs, targets);
                teacher.follow(student, 0.5f);
                teacher.follow(student, 0f);
                seen[0] = teacher.distributions(inputs);
                seen[1] = student.distributions(inputs);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "not-the-engine-thread");
        worker.start();
        worker.join();
        assertThat(failure.get()).isNull();
        assertThat(seen[0]).isDeepEqualTo(seen[1]);
    }

    /**
     * Two trainings from the same seed on the same batches give the same weights, even while the
     * garbage collector runs throughout: the engine must not read memory that Java may free (a scalar
     * divisor did, and the same seed learned a task in one run and not in the next).
     */
    @Test
    void trainingIsReproducibleWhileTheGarbageCollectorRuns() throws Exception {
        List<ModelInput> inputs = randomInputs(64, new SplittableRandom(6));
        int[] targets = new int[inputs.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i % domain.vocabulary().size();
        }
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "garbage-collector-hammer");
        collector.setDaemon(true);
        collector.start();
        try {
            float[][] first = trainedDistributions(inputs, targets);
            float[][] second = trainedDistributions(inputs, targets);
            assertThat(second).isDeepEqualTo(first);
        } finally {
            collector.interrupt();
            collector.join();
        }
    }

    @Test
    void twoModelsTrainAtOnceOnTwoThreadsAsEachWouldAlone() throws Exception {
        List<ModelInput> inputs = randomInputs(64, new SplittableRandom(8));
        int[] targets = new int[inputs.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (3 * i) % domain.vocabulary().size();
        }
        float[][] alone = trainedDistributions(inputs, targets);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(() -> trainedDistributions(inputs, targets));
            var second = threads.submit(() -> trainedDistributions(inputs, targets));
            // DJL refuses a second gradient collector while one collects: without taking turns, one fails
            assertThat(first.get()).isDeepEqualTo(alone);
            assertThat(second.get()).isDeepEqualTo(alone);
        } finally {
            threads.shutdownNow();
        }
    }

    private float[][] trainedDistributions(List<ModelInput> inputs, int[] targets) {
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 13)) {
            for (int step = 0; step < 6; step++) {
                model.train(inputs, targets);
            }
            return model.distributions(inputs);
        }
    }

    private List<ModelInput> randomInputs(int count, SplittableRandom random) {
        List<ModelInput> inputs = new ArrayList<>();
        Context context = null;
        for (int i = 0; i < count; i++) {
            if (i % 4 == 0) {
                context = domain.generate(8, random);
            }
            Question question = domain.randomQuestion(context, random);
            inputs.add(new ModelInput(context.facts(), question));
        }
        return inputs;
    }
}
