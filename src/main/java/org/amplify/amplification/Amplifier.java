package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;
import org.springframework.stereotype.Service;

/**
 * Amplify^H(X) for the algorithmic domains: the domain's programmatic expert H decomposes each
 * question; every primitive subquestion is answered from its context by the environment, every
 * other one by X (in one batched forward pass per step of H); H combines the answers. The
 * transcripts hold the targets: their final answers. No ground truth is used.
 */
@Service
public class Amplifier {

    /**
     * @param contexts the context of each question, in the same order
     * @param model X (in iterated amplification, the teacher: a moving average of X's weights)
     */
    public Amplified amplify(AlgorithmicDomain domain, List<Context> contexts, List<Question> questions,
            AnswerModel model) {
        return amplify(domain, contexts, questions, model, null);
    }

    /**
     * Amplify^H'(X): the same, with {@code expert} deciding in H's place, e.g. H', the model that
     * predicts H ({@code AskerModel#asExpert}); a subquestion it makes up that is not a valid
     * question gets the environment's or X's answer all the same (the unknown symbol, for a
     * malformed primitive one).
     *
     * @param expert who decomposes and combines; {@code null}: the domain's programmatic H
     */
    public Amplified amplify(AlgorithmicDomain domain, List<Context> contexts, List<Question> questions,
            AnswerModel model, ExpertRunner.BatchExpert expert) {
        if (contexts.size() != questions.size()) {
            throw new IllegalArgumentException("one context per question");
        }
        int[] modelAnswers = {0};
        ExpertRunner.BatchAnswerer answerer = (subquestions, askedBy) -> {
            int[] answers = new int[subquestions.size()];
            List<ModelInput> forModel = new ArrayList<>();
            List<Integer> modelSlots = new ArrayList<>();
            for (int j = 0; j < subquestions.size(); j++) {
                Question sub = subquestions.get(j);
                Context context = contexts.get(askedBy[j]);
                if (domain.isPrimitive(sub)) {
                    answers[j] = domain.answerPrimitive(context, sub);
                } else {
                    forModel.add(new ModelInput(context.facts(), sub));
                    modelSlots.add(j);
                }
            }
            if (!forModel.isEmpty()) {
                int[] predicted = model.answer(forModel);
                for (int m = 0; m < predicted.length; m++) {
                    answers[modelSlots.get(m)] = predicted[m];
                }
                modelAnswers[0] += predicted.length;
            }
            return answers;
        };
        List<Transcript> transcripts = expert == null
                ? ExpertRunner.run(domain.expert(), questions, answerer)
                : ExpertRunner.run(expert, questions, answerer);
        return new Amplified(transcripts, modelAnswers[0]);
    }

    /** The transcripts of one amplification, and how many subquestions the model answered. */
    public record Amplified(List<Transcript> transcripts, int modelAnswers) {

        public int[] answers() {
            return transcripts.stream().mapToInt(Transcript::answer).toArray();
        }
    }
}
