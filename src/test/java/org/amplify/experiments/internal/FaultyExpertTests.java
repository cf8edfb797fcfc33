package org.amplify.experiments.internal;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A faulty H errs at its rate, always with a wrong answer, and not at all at rate 0. */
class FaultyExpertTests {

    @Test
    void atRateZeroNothingChangesAndAtRateOneEveryAnswerIsWrong() {
        int[] answers = {3, 3, 5, 7, 3, 9};
        int[] unchanged = answers.clone();
        assertThat(new FaultyExpert(0, 1).corrupt(answers, 12)).isZero();
        assertThat(answers).containsExactly(unchanged);

        int[] same = {4, 4, 4, 4}; // no other answer in the step: any other token but the unknown one
        assertThat(new FaultyExpert(1, 2).corrupt(same, 6)).isEqualTo(4);
        for (int a : same) {
            assertThat(a).isNotEqualTo(4).isBetween(1, 5);
        }

        int[] mixed = {3, 3, 5, 7, 3, 9};
        new FaultyExpert(1, 3).corrupt(mixed, 12);
        for (int i = 0; i < mixed.length; i++) {
            assertThat(mixed[i]).as("answer %d", i).isNotEqualTo(unchanged[i]);
        }
    }

    @Test
    void itErrsAtAboutItsRate() {
        FaultyExpert expert = new FaultyExpert(0.1, 4);
        int wrong = 0;
        for (int step = 0; step < 1000; step++) {
            int[] answers = new int[64];
            Arrays.setAll(answers, i -> 1 + i % 8);
            wrong += expert.corrupt(answers, 20);
        }
        assertThat(wrong / 64_000.0).isBetween(0.09, 0.11);
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new FaultyExpert(1.2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultyExpert(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
