package org.amplify.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.permutation.PermutationPowering;

/**
 * A benchmark, not a test: the speed of X at the default size (permutation powering, N = 8, batch
 * 64), median of 5 runs of 100 steps after a warm-up run. It prints
 * <ul>
 *   <li>SL: ms per training step and training examples per second;</li>
 *   <li>IA: ms per step of iterated amplification as {@code TrainingRun} takes it: 32 fresh questions
 *       of every level amplified with the teacher (H's decomposition, the teacher's batched
 *       answers), the teacher's direct answers to them (the curriculum's gate), one training step
 *       of X on 64 examples drawn from what was amplified so far, the teacher following X;</li>
 *   <li>answers per second of inference.</li>
 * </ul>
 *
 * <pre>./mvnw -q test-compile && java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
 *   -Dai.djl.pytorch.num_interop_threads=1 -cp "target/classes:target/test-classes:$(./mvnw -q
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
 *   org.amplify.models.ModelBenchmark</pre>
 */
public final class ModelBenchmark {

    private static final int BATCH = 64;
    private static final int TARGETS_PER_STEP = 32;
    private static final int BATCHES = 100;
    private static final int RUNS = 5;

    public static void main(String[] args) {
        PermutationPowering domain = new PermutationPowering();
        SplittableRandom random = new SplittableRandom(1);
        List<List<ModelInput>> batches = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<ModelInput> batch = new ArrayList<>();
            int[] answers = new int[BATCH];
            Context context = null;
            for (int i = 0; i < BATCH; i++) {
                if (i % 4 == 0) {
                    context = domain.generate(8, random);
                }
                var question = domain.randomQuestion(context, random);
                batch.add(new ModelInput(context.facts(), question));
                answers[i] = domain.solve(context, question);
            }
            batches.add(batch);
            targets.add(answers);
        }
        System.out.println("intra-op threads: " + System.getProperty("ai.djl.pytorch.num_threads", "(PyTorch's default)"));
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 1);
                AnswerModel teacher = model.copy()) {
            System.out.println("parameters: " + model.parameterCount());
            IaLoop ia = new IaLoop(domain, model, teacher, new SplittableRandom(2));
            double[] train = new double[RUNS];
            double[] iaStep = new double[RUNS];
            double[] answer = new double[RUNS];
            for (int run = -1; run < RUNS; run++) { // run -1 warms up
                long start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    model.train(batches.get(b), targets.get(b));
                }
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    ia.step();
                }
                double iaSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    model.answer(batches.get(b));
                }
                double answerSeconds = (System.nanoTime() - start) / 1e9;
                if (run >= 0) {
                    train[run] = 1000 * trainSeconds / BATCHES;
                    iaStep[run] = 1000 * iaSeconds / BATCHES;
                    answer[run] = BATCHES * BATCH / answerSeconds;
                }
            }
            System.out.printf("SL training step of %d: median %.1f ms (runs %s), %.0f examples/s%n", BATCH,
                    median(train), Arrays.toString(round(train)), 1000 * BATCH / median(train));
            System.out.printf("IA step (%d amplified, train on %d): median %.1f ms (runs %s), %.0f examples/s%n",
                    TARGETS_PER_STEP, BATCH, median(iaStep), Arrays.toString(round(iaStep)),
                    1000 * BATCH / median(iaStep));
            System.out.printf("answers/s: median %.0f (runs %s)%n", median(answer), Arrays.toString(round(answer)));
        }
    }

    /** Iterated amplification's step, as {@code TrainingRun} takes it, on a plain list as replay buffer. */
    private static final class IaLoop {
        private final PermutationPowering domain;
        private final AnswerModel model;
        private final AnswerModel teacher;
        private final SplittableRandom random;
        private final Amplifier amplifier = new Amplifier();
        private final List<ModelInput> inputs = new ArrayList<>();
        private final List<Integer> answers = new ArrayList<>();

        IaLoop(PermutationPowering domain, AnswerModel model, AnswerModel teacher, SplittableRandom random) {
            this.domain = domain;
            this.model = model;
            this.teacher = teacher;
            this.random = random;
        }

        void step() {
            List<Context> contexts = new ArrayList<>();
            List<Question> questions = new ArrayList<>();
            List<ModelInput> fresh = new ArrayList<>();
            Context context = null;
            for (int i = 0; i < TARGETS_PER_STEP; i++) {
                if (i % 4 == 0) {
                    context = domain.generate(8, random);
                }
                Question question = domain.randomQuestion(context, random);
                contexts.add(context);
                questions.add(question);
                fresh.add(new ModelInput(context.facts(), question));
            }
            int[] amplified = amplifier.amplify(domain, contexts, questions, teacher).answers();
            teacher.answer(fresh);
            for (int i = 0; i < amplified.length; i++) {
                inputs.add(fresh.get(i));
                answers.add(amplified[i]);
            }
            List<ModelInput> batch = new ArrayList<>(BATCH);
            int[] batchTargets = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                int index = random.nextInt(inputs.size());
                batch.add(inputs.get(index));
                batchTargets[i] = answers.get(index);
            }
            model.train(batch, batchTargets);
            teacher.follow(model, 0.99f);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
    }
}
