package org.amplify.experiments.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.models.AnswerModel;

/** IA with H: the targets are Amplify^H(teacher), H the domain's programmatic expert, faulty if asked. */
final class ExpertAmplifiedStep extends AmplifiedStep {

    private final FaultyExpert faultyExpert;

    ExpertAmplifiedStep(AlgorithmicDomain domain, ExperimentSettings settings, Amplifier amplifier,
            Curriculum curriculum, AnswerModel teacher, FaultyExpert faultyExpert, SplittableRandom random,
            Counts counts) {
        super(domain, settings, amplifier, curriculum, teacher, random, counts);
        this.faultyExpert = faultyExpert;
    }

    @Override
    int[] targets(List<Context> contexts, List<Question> questions) {
        int[] targets = amplifier.amplify(domain, contexts, questions, teacher).answers();
        counts.faults += faultyExpert.corrupt(targets, domain.vocabulary().size());
        counts.callsToH += questions.size();
        return targets;
    }
}
