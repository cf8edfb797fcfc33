package org.amplify.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.domains.Context;
import org.amplify.domains.permutation.PermutationPowering;

/**
 * A benchmark, not a test: training examples per second and answers per second of X at the
 * default size (permutation powering, N = 8, batch 64), median of 5 runs after a warm-up.
 *
 * <pre>./mvnw -q test-compile && java -Dai.djl.offline=true -cp "target/classes:target/test-classes:$(./mvnw -q
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
 *   org.amplify.models.ModelBenchmark</pre>
 */
public final class ModelBenchmark {

    private static final int BATCH = 64;
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
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 1)) {
            System.out.println("parameters: " + model.parameterCount());
            double[] train = new double[RUNS];
            double[] answer = new double[RUNS];
            for (int run = -1; run < RUNS; run++) { // run -1 warms up
                long start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    model.train(batches.get(b), targets.get(b));
                }
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    model.answer(batches.get(b));
                }
                double answerSeconds = (System.nanoTime() - start) / 1e9;
                if (run >= 0) {
                    train[run] = BATCHES * BATCH / trainSeconds;
                    answer[run] = BATCHES * BATCH / answerSeconds;
                }
            }
            Arrays.sort(train);
            Arrays.sort(answer);
            System.out.printf("training examples/s: median %.0f (runs %s)%n", train[RUNS / 2], Arrays.toString(round(train)));
            System.out.printf("training step of %d: median %.1f ms%n", BATCH, 1000.0 * BATCH / train[RUNS / 2]);
            System.out.printf("answers/s:           median %.0f (runs %s)%n", answer[RUNS / 2], Arrays.toString(round(answer)));
        }
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
