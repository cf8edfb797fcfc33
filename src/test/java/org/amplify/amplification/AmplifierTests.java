package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelSize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amplify^H(X): primitives from the context, the rest from X, in batches; H combines. */
class AmplifierTests {

    private final PermutationPowering domain = new PermutationPowering();
    private final Amplifier amplifier = new Amplifier();

    @Test
    void lowestLevelTargetsNeedOnlyPrimitivesAndAreExactEvenWithAnUntrainedModel() {
        SplittableRandom random = new SplittableRandom(12);
        List<Context> contexts = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Context context = domain.generate(8 + random.nextInt(57), random);
            contexts.add(context);
            questions.add(domain.randomQuestion(context, 1, random));
        }
        try (AnswerModel untrained = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 1)) {
            Amplifier.Amplified amplified = amplifier.amplify(domain, contexts, questions, untrained);
            assertThat(amplified.modelAnswers()).isZero();
            for (int i = 0; i < questions.size(); i++) {
                assertThat(amplified.answers()[i]).isEqualTo(domain.solve(contexts.get(i), questions.get(i)));
            }
        }
    }

    @Test
    void higherLevelsAskTheModelAndRecordEveryExchange() {
        SplittableRandom random = new SplittableRandom(13);
        List<Context> contexts = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Context context = domain.generate(8, random);
            contexts.add(context);
            questions.add(domain.question(context.facts()[0][0], 13)); // asks σ^6 twice (the model), σ once
        }
        try (AnswerModel untrained = AnswerModel.create(domain, ModelSize.DEFAULT, 1e-3f, 1)) {
            Amplifier.Amplified amplified = amplifier.amplify(domain, contexts, questions, untrained);
            for (Transcript transcript : amplified.transcripts()) {
                assertThat(transcript.exchanges()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            }
            assertThat(amplified.modelAnswers()).isBetween(50, 100);
        }
    }
}
