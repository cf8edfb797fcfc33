package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;

/**
 * IA: fresh random questions of the curriculum's open levels and N, amplified into targets (by the
 * subclass: with H or with H'), go into the replay buffer and the curriculum's estimate of agreement;
 * X takes a step on a batch of the buffer and the teacher follows it.
 */
abstract class AmplifiedStep implements TrainingStep {

    final AlgorithmicDomain domain;
    final ExperimentSettings settings;
    final Amplifier amplifier;
    final Curriculum curriculum;
    final AnswerModel teacher;
    final ReplayBuffer buffer;
    final Counts counts;
    private final SplittableRandom random;

    AmplifiedStep(AlgorithmicDomain domain, ExperimentSettings settings, Amplifier amplifier, Curriculum curriculum,
            AnswerModel teacher, SplittableRandom random, Counts counts) {
        this.domain = domain;
        this.settings = settings;
        this.amplifier = amplifier;
        this.curriculum = curriculum;
        this.teacher = teacher;
        this.buffer = new ReplayBuffer(settings.amplification().bufferCapacity());
        this.random = random;
        this.counts = counts;
    }

    /** The amplified answers of the questions, or null where this step makes no targets. */
    abstract int[] targets(List<Context> contexts, List<Question> questions);

    @Override
    public final float take(AnswerModel student) {
        List<Context> contexts = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        List<Integer> questionLevels = new ArrayList<>();
        Context context = null;
        for (int i = 0; i < settings.amplification().targetsPerStep(); i++) {
            if (i % TrainingRun.QUESTIONS_PER_CONTEXT == 0) {
                context = domain.generate(curriculum.size(), random);
            }
            int level = 1 + random.nextInt(curriculum.openLevels());
            contexts.add(context);
            questions.add(domain.randomQuestion(context, level, random));
            questionLevels.add(level);
        }
        int[] targets = targets(contexts, questions);
        if (targets != null) {
            List<ModelInput> inputs = new ArrayList<>(questions.size());
            for (int i = 0; i < questions.size(); i++) {
                ModelInput input = new ModelInput(contexts.get(i).facts(), questions.get(i));
                inputs.add(input);
                buffer.add(input, targets[i]);
            }
            if (curriculum.measuring()) {
                curriculum.record(questionLevels, teacher.answer(inputs), targets);
            }
        }
        return trainX(student);
    }

    /** One step of X on a batch of the buffer (none until it holds a batch), the teacher following it. */
    private float trainX(AnswerModel student) {
        int batch = settings.training().batch();
        if (buffer.size() < batch) {
            return Float.NaN;
        }
        ReplayBuffer.Batch sample = buffer.sample(batch, random);
        float loss = student.train(sample.inputs(), sample.targets());
        teacher.follow(student, settings.amplification().teacherDecay());
        return loss;
    }
}
