package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;

/**
 * IA with H': the calls to H due at this step teach H' (their transcripts) and X (their answers); H'
 * takes a step; once H' is ready the targets are Amplify^H'(teacher), before it none are made.
 */
final class PredictorAmplifiedStep extends AmplifiedStep {

    private final HumanPredictor predictor;

    PredictorAmplifiedStep(AlgorithmicDomain domain, ExperimentSettings settings, Amplifier amplifier,
            Curriculum curriculum, AnswerModel teacher, HumanPredictor predictor, SplittableRandom random,
            Counts counts) {
        super(domain, settings, amplifier, curriculum, teacher, random, counts);
        this.predictor = predictor;
    }

    @Override
    int[] targets(List<Context> contexts, List<Question> questions) {
        askH();
        predictor.train();
        if (!predictor.ready()) {
            return null;
        }
        return amplifier.amplify(domain, contexts, questions, teacher, predictor.expert()).answers();
    }

    /** The calls to H due at this step: H' learns from their transcripts, X from their answers. */
    private void askH() {
        int due = predictor.callsDue();
        if (due == 0) {
            return;
        }
        List<Context> contexts = new ArrayList<>(due);
        List<Question> questions = new ArrayList<>(due);
        SplittableRandom own = predictor.random();
        for (int i = 0; i < due; i++) {
            Context context = domain.generate(curriculum.size(), own);
            contexts.add(context);
            questions.add(domain.randomQuestion(context, 1 + own.nextInt(curriculum.openLevels()), own));
        }
        List<Transcript> transcripts = amplifier.amplify(domain, contexts, questions, teacher).transcripts();
        predictor.learnFrom(transcripts);
        for (int i = 0; i < due; i++) {
            buffer.add(new ModelInput(contexts.get(i).facts(), questions.get(i)), transcripts.get(i).answer());
        }
        counts.callsToH += due;
    }
}
