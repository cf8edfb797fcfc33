package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;

/**
 * One round of iterated amplification that continues from a trained X, with the cases an
 * adversarial search found fed in with priority: each batch takes {@code priorityShare} of its
 * examples from those cases (with the Amplify^H(X) targets the search found for them), the rest from a
 * replay buffer of fresh amplified targets (Amplify^H(teacher), the teacher a moving average of X, as
 * in {@link TrainingRun}). With no cases, or a share of 0, it is plain IA training from X: the control.
 */
final class PriorityTraining {

    private static final int QUESTIONS_PER_CONTEXT = 4;
    private static final float TEACHER_DECAY = 0.99f;
    private static final int BUFFER_CAPACITY = 20_000;

    private final AlgorithmicDomain domain;
    private final Amplifier amplifier;
    private final int size;
    private final int maxLevel;
    private final int batch;
    private final int targetsPerStep;
    private final List<ModelInput> priorityInputs = new ArrayList<>();
    private final int[] priorityTargets;
    private final int priorityPerBatch;
    private final ReplayBuffer buffer = new ReplayBuffer(BUFFER_CAPACITY);

    /**
     * @param cases the found cases, trained towards their targets
     * @param priorityShare the share of each batch taken from the cases (when there are some)
     */
    PriorityTraining(AlgorithmicDomain domain, Amplifier amplifier, int size, int maxLevel, int batch,
            int targetsPerStep, List<AdversarialSearch.Case> cases, double priorityShare) {
        this.domain = domain;
        this.amplifier = amplifier;
        this.size = size;
        this.maxLevel = maxLevel <= 0 ? domain.levels() : Math.min(maxLevel, domain.levels());
        this.batch = batch;
        this.targetsPerStep = targetsPerStep;
        this.priorityTargets = new int[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            priorityInputs.add(cases.get(i).input());
            priorityTargets[i] = cases.get(i).target();
        }
        this.priorityPerBatch = cases.isEmpty() ? 0 : (int) Math.round(priorityShare * batch);
    }

    /** Examples of each batch taken from the found cases. */
    int priorityPerBatch() {
        return priorityPerBatch;
    }

    /**
     * Trains {@code model} in place for the given steps (fewer when {@code stop} says so).
     *
     * @param progress told of the steps done, after each
     * @return the steps done
     */
    int train(AnswerModel model, int steps, long seed, IntConsumer progress, BooleanSupplier stop) {
        SplittableRandom random = new SplittableRandom(seed);
        try (AnswerModel teacher = model.copy()) {
            int step = 0;
            while (step < steps && !stop.getAsBoolean()) {
                amplifyFresh(teacher, random);
                ReplayBuffer.Batch next = nextBatch(random);
                model.train(next.inputs(), next.targets());
                teacher.follow(model, TEACHER_DECAY);
                progress.accept(++step);
            }
            return step;
        }
    }

    /** Fresh random questions amplified with the teacher, into the replay buffer. */
    void amplifyFresh(AnswerModel teacher, SplittableRandom random) {
        List<Context> contexts = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        Context context = null;
        for (int i = 0; i < targetsPerStep; i++) {
            if (i % QUESTIONS_PER_CONTEXT == 0) {
                context = domain.generate(size, random);
            }
            contexts.add(context);
            questions.add(domain.randomQuestion(context, 1 + random.nextInt(maxLevel), random));
        }
        int[] targets = amplifier.amplify(domain, contexts, questions, teacher).answers();
        for (int i = 0; i < questions.size(); i++) {
            buffer.add(new ModelInput(contexts.get(i).facts(), questions.get(i)), targets[i]);
        }
    }

    /** One batch: the priority cases first (drawn with replacement), then examples of the buffer. */
    ReplayBuffer.Batch nextBatch(SplittableRandom random) {
        ReplayBuffer.Batch fresh = buffer.sample(batch - priorityPerBatch, random);
        List<ModelInput> inputs = new ArrayList<>(batch);
        int[] targets = new int[batch];
        for (int i = 0; i < priorityPerBatch; i++) {
            int index = random.nextInt(priorityInputs.size());
            inputs.add(priorityInputs.get(index));
            targets[i] = priorityTargets[index];
        }
        inputs.addAll(fresh.inputs());
        System.arraycopy(fresh.targets(), 0, targets, priorityPerBatch, fresh.targets().length);
        return new ReplayBuffer.Batch(inputs, targets);
    }
}
