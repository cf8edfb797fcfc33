package org.amplify.amplification;

import java.util.List;
import org.amplify.models.TextAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text copies' answer is trusted only when they agree and remember a close enough question. */
class TextTrustTests {

    @Test
    void agreeingCopiesThatRememberNothingCloseAreUnsure() {
        List<TextAnswer> votes = List.of(new TextAnswer("the pump", 0.83, "q"), new TextAnswer("the pump", 0.84, "q"),
                new TextAnswer("the pump", 0.82, "q"));
        TextTrust trust = TextTrust.of(votes, 0.6667, 0.95);
        assertThat(trust.agreement()).isEqualTo(1.0);
        assertThat(trust.similarity()).isCloseTo(0.83, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trust.trusted()).isFalse();
        assertThat(trust.note()).contains("unsure").contains("0.95").contains("similarity 0.83");
    }

    @Test
    void agreeingCopiesThatRememberTheQuestionAreTrusted() {
        List<TextAnswer> votes = List.of(new TextAnswer("blue", 0.99, "q"), new TextAnswer("blue", 0.97, "q"),
                new TextAnswer("grey", 0.99, "q"));
        TextTrust trust = TextTrust.of(votes, 0.6, 0.95);
        assertThat(trust.answer()).isEqualTo("blue");
        assertThat(trust.similarity()).as("the majority's votes only").isCloseTo(0.98, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trust.trusted()).isTrue();
        assertThat(trust.note()).doesNotContain("person");
    }

    @Test
    void copiesBelowTheAgreementThresholdSaySoInCounts() {
        List<TextAnswer> votes = List.of(new TextAnswer("a", 0.99, "q"), new TextAnswer("a", 0.99, "q"),
                new TextAnswer("b", 0.99, "q"));
        TextTrust trust = TextTrust.of(votes, 0.6667, 0.5);
        assertThat(trust.trusted()).isFalse();
        assertThat(trust.note()).contains("2 of 3 copies agree, below the threshold of 67 %");
    }
}
