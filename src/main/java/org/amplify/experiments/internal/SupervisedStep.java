package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;

/** SL, the baseline: a batch of random questions of every level, each with its ground-truth answer. */
final class SupervisedStep implements TrainingStep {

    private final AlgorithmicDomain domain;
    private final ExperimentSettings settings;
    private final int levels;
    private final SplittableRandom random;
    private final Counts counts;

    SupervisedStep(AlgorithmicDomain domain, ExperimentSettings settings, int levels, SplittableRandom random,
            Counts counts) {
        this.domain = domain;
        this.settings = settings;
        this.levels = levels;
        this.random = random;
        this.counts = counts;
    }

    @Override
    public float take(AnswerModel student) {
        int batch = settings.training().batch();
        List<ModelInput> inputs = new ArrayList<>(batch);
        int[] targets = new int[batch];
        Context context = null;
        for (int i = 0; i < batch; i++) {
            if (i % TrainingRun.QUESTIONS_PER_CONTEXT == 0) {
                context = domain.generate(settings.size(), random);
            }
            Question question = domain.randomQuestion(context, 1 + random.nextInt(levels), random);
            inputs.add(new ModelInput(context.facts(), question));
            targets[i] = domain.solve(context, question);
        }
        counts.labels += targets.length;
        return student.train(inputs, targets);
    }
}
