package org.amplify.models;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.Context;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.permutation.PermutationPowering;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** H' deciding in H's place: Amplify^H'(X), within the number of subquestions it is allowed. */
class AskerExpertTests {

    private final PermutationPowering domain = new PermutationPowering();

    @Test
    void anUntrainedHPrimeAsksAtMostItsLimitAndAlwaysAnswers() {
        Asked asked = ask(40, new SplittableRandom(3));
        try (OneTorchThread oneThread = new OneTorchThread();
                AskerModel asker = AskerModel.create(domain, AskerModel.SMALL, 1e-3f, 5);
                AnswerModel x = AnswerModel.create(domain, new ModelSize(16, 1, 2, 32), 1e-3f, 5)) {
            for (int limit : new int[] {0, 2}) {
                ExpertRunner.BatchExpert expert = asker.asExpert(limit);
                List<Transcript> transcripts = new Amplifier().amplify(domain, asked.contexts(), asked.questions(), x, expert)
                        .transcripts();
                assertThat(transcripts).hasSize(40);
                assertThat(transcripts).allSatisfy(t -> assertThat(t.exchanges().size()).isLessThanOrEqualTo(limit));
                assertThat(transcripts).allSatisfy(t -> assertThat(t.answer())
                        .isBetween(0, domain.vocabulary().size() - 1));
                assertThat(expert.maxSubquestions()).isEqualTo(limit);
            }
        }
    }

    @Test
    void hPrimeTrainedOnHsTranscriptsMakesTheTargetsHWouldMake() {
        SplittableRandom random = new SplittableRandom(4);
        Amplifier amplifier = new Amplifier();
        try (OneTorchThread oneThread = new OneTorchThread();
                AskerModel asker = AskerModel.create(domain, AskerModel.SMALL, 2e-3f, 4);
                AnswerModel x = AnswerModel.create(domain, new ModelSize(16, 1, 2, 32), 1e-3f, 4)) {
            Asked training = ask(400, random);
            List<AskerExample> examples = AskerExample.of(amplifier.amplify(domain, training.contexts(),
                    training.questions(), x).transcripts());
            for (int step = 0; step < 150; step++) {
                int from = (step * 64) % (examples.size() - 64);
                asker.train(examples.subList(from, from + 64));
            }
            Asked held = ask(100, random);
            int[] byH = amplifier.amplify(domain, held.contexts(), held.questions(), x).answers();
            int[] byHPrime = amplifier.amplify(domain, held.contexts(), held.questions(), x, asker.asExpert(16))
                    .answers();
            int same = 0;
            for (int i = 0; i < byH.length; i++) {
                same += byH[i] == byHPrime[i] ? 1 : 0;
            }
            System.out.printf("Amplify^H'(X) agrees with Amplify^H(X) on %d of %d held-out questions%n", same,
                    byH.length);
            assertThat(same).isGreaterThanOrEqualTo(90);
        }
    }

    /** Level-1 questions, each about its own context. */
    private Asked ask(int n, SplittableRandom random) {
        List<Context> contexts = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Context context = domain.generate(8, random);
            contexts.add(context);
            questions.add(domain.randomQuestion(context, 1, random));
        }
        return new Asked(contexts, questions);
    }

    private record Asked(List<Context> contexts, List<Question> questions) {}
}
