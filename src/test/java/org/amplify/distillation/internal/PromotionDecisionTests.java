package org.amplify.distillation.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a round promotes its version automatically, and the sentence that says why. */
class PromotionDecisionTests {

    @Test
    void aFirstModelIsPromotedOnlyAtOrAboveTheMinimum() {
        assertThat(PromotionDecision.decide(true, 0.0, null, null, 0.5))
                .isEqualTo(new PromotionDecision(false, "Not promoted: held-out accuracy 0.0 % is below the minimum 50 %."));
        assertThat(PromotionDecision.decide(true, 0.81, null, null, 0.5)).isEqualTo(new PromotionDecision(true,
                "Promoted automatically: first model (no parent to beat), 81.0 % ≥ the minimum 50 %."));
        assertThat(PromotionDecision.decide(true, 0.5, null, null, 0.5).promote()).isTrue();
        assertThat(PromotionDecision.decide(true, 0.499, null, null, 0.5).promote()).isFalse();
        assertThat(PromotionDecision.decide(true, 0.6, null, null, 0.625).reason()).endsWith("the minimum 62.5 %.");
    }

    @Test
    void aModelWithAParentMustAlsoBeatIt() {
        assertThat(PromotionDecision.decide(true, 0.81, 0.74, "v3", 0.5))
                .isEqualTo(new PromotionDecision(true, "Promoted: 81.0 % beats its parent v3's 74.0 %."));
        assertThat(PromotionDecision.decide(true, 0.71, 0.74, "v3", 0.5))
                .isEqualTo(new PromotionDecision(false, "Not promoted: 71.0 % does not beat its parent v3's 74.0 %."));
        assertThat(PromotionDecision.decide(true, 0.74, 0.74, "v3", 0.5).promote()).as("a tie does not beat").isFalse();
        // better than a poor parent is not enough under the minimum
        assertThat(PromotionDecision.decide(true, 0.3, 0.1, "v3", 0.5))
                .isEqualTo(new PromotionDecision(false, "Not promoted: held-out accuracy 30.0 % is below the minimum 50 %."));
        // a parent that could not be measured (an import): the minimum decides
        assertThat(PromotionDecision.decide(true, 0.9, null, "v2", 0.5)).isEqualTo(new PromotionDecision(true,
                "Promoted automatically: 90.0 % ≥ the minimum 50 %; its parent v2 could not be measured on the same items."));
    }

    @Test
    void nothingIsPromotedWhenItWasNotAskedForOrCannotBeMeasured() {
        assertThat(PromotionDecision.decide(false, 1.0, 0.0, "v3", 0.5))
                .isEqualTo(new PromotionDecision(false, "Not promoted automatically: auto-promotion was off."));
        PromotionDecision unmeasured = PromotionDecision.decide(true, null, null, null, 0.5);
        assertThat(unmeasured.promote()).isFalse();
        assertThat(unmeasured.reason()).startsWith("Not promoted: no held-out accuracy");
    }

    @Test
    void aRoundOfTheStudentSaysItMadeTheStudentNotTheChampion() {
        assertThat(PromotionDecision.decide(true, 0.81, 0.74, "v3", 0.5).forStudent())
                .isEqualTo(new PromotionDecision(true, "Made the student: 81.0 % beats its parent v3's 74.0 %."));
        assertThat(PromotionDecision.decide(true, 0.81, null, null, 0.5).forStudent()).isEqualTo(new PromotionDecision(
                true, "Made the student automatically: first model (no parent to beat), 81.0 % ≥ the minimum 50 %."));
        assertThat(PromotionDecision.decide(true, 0.3, null, null, 0.5).forStudent()).isEqualTo(new PromotionDecision(
                false, "Not made the student: held-out accuracy 30.0 % is below the minimum 50 %."));
        assertThat(PromotionDecision.decide(false, 1.0, null, null, 0.5).forStudent()).isEqualTo(new PromotionDecision(
                false, "Not made the student automatically: auto-promotion was off. The champion stays the endpoint."));
    }
}
