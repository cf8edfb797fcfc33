package org.amplify.domains.permutation;

import java.util.SplittableRandom;
import org.amplify.domains.DomainContract;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PermutationPoweringTests {

    private final PermutationPowering domain = new PermutationPowering();

    @Test
    void keepsTheDomainContract() {
        DomainContract.check(domain, 8, 16, 32, 64);
    }

    @Test
    void hAsksHalfTwiceThenOneMoreStepForAnOddPower() {
        PermutationPowering.Permutation sigma = domain.generate(8, new SplittableRandom(1));
        int x = sigma.facts()[0][0];
        Transcript transcript = ExpertRunner.run(domain.expert(), domain.question(x, 13),
                sub -> domain.isPrimitive(sub) ? domain.answerPrimitive(sigma, sub) : domain.solve(sigma, sub));
        assertThat(transcript.exchanges()).extracting(e -> domain.power(e.subquestion())).containsExactly(6, 6, 1);
        assertThat(domain.describe(transcript.exchanges().get(0).subquestion()))
                .isEqualTo("σ^6(" + domain.vocabulary().symbol(x) + ")");
    }

    @Test
    void aMalformedQuestionOrAnUnknownNameIsAnsweredWithUnknown() {
        PermutationPowering.Permutation sigma = domain.generate(8, new SplittableRandom(2));
        assertThat(domain.solve(sigma, new Question(1, 0, 0, 0, 0, 0, 0, 0))).isEqualTo(Vocabulary.UNKNOWN);
        int absent = 1;
        while (sigma.sigma()[absent - 1] >= 0) {
            absent++;
        }
        assertThat(domain.solve(sigma, domain.question(absent, 5))).isEqualTo(Vocabulary.UNKNOWN);
        Transcript transcript = ExpertRunner.run(domain.expert(), domain.question(sigma.facts()[0][0], 9),
                sub -> Vocabulary.UNKNOWN);
        assertThat(transcript.answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(transcript.exchanges()).hasSize(1);
    }
}
