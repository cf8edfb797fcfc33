package org.amplify.amplification;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The endpoint copies' answers grouped by normalised text or by embeddings; majority, agreement, answer shown. */
class AnswerGroupsTests {

    @Test
    void equalAnswersUpToCaseSpacesAndFinalPunctuationAreOneGroup() {
        AnswerGroups groups = AnswerGroups.of(List.of("Yes, through the water.", "yes,  through the  WATER  ",
                "No."), 3, null, 0.9);

        assertThat(groups.groups()).containsExactly(0, 0, 1);
        assertThat(groups.agreeing()).isEqualTo(2);
        assertThat(groups.agreement()).isEqualTo(2.0 / 3);
        assertThat(groups.answer()).as("the shortest member of the majority").isEqualTo("Yes, through the water.");
        assertThat(groups.byMeaning()).isFalse();
    }

    @Test
    void normalizeKeepsInnerPunctuationAndDropsTheFinalOne() {
        assertThat(AnswerGroups.normalize("  The Broad  Street pump!?\n")).isEqualTo("the broad street pump");
        assertThat(AnswerGroups.normalize("1854.")).isEqualTo("1854");
        assertThat(AnswerGroups.normalize("3.5 m")).isEqualTo("3.5 m");
    }

    @Test
    void embeddingsAboveTheThresholdGroupDifferentWordsAndBelowItKeepThemApart() {
        // one member; rows L2-normalised: a and b close (cos 0.96), c far from both
        float[][][] embeddings = {{unit(1, 0.3f), unit(1, 0), unit(0, 1)}};
        List<String> answers = List.of("Through contaminated water", "By water", "Through the air");

        AnswerGroups close = AnswerGroups.of(answers, 3, embeddings, 0.9);
        assertThat(close.groups()).containsExactly(0, 0, 1);
        assertThat(close.answer()).isEqualTo("By water");
        assertThat(close.agreement()).isEqualTo(2.0 / 3);
        assertThat(close.byMeaning()).isTrue();

        AnswerGroups strict = AnswerGroups.of(answers, 3, embeddings, 0.99);
        assertThat(strict.groups()).as("three groups of one: the first formed is the majority").containsExactly(0, 1, 2);
        assertThat(strict.agreeing()).isEqualTo(1);
        assertThat(strict.answer()).isEqualTo("Through contaminated water");
    }

    @Test
    void theSimilarityIsAveragedOverTheMembers() {
        // member 1 finds a and b equal, member 2 orthogonal: mean 0.5
        float[][][] embeddings = {{unit(1, 0), unit(1, 0)}, {unit(1, 0), unit(0, 1)}};

        assertThat(AnswerGroups.similarity(embeddings, 0, 1)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(AnswerGroups.of(List.of("a", "b"), 2, embeddings, 0.5).agreeing()).isEqualTo(2);
        assertThat(AnswerGroups.of(List.of("a", "b"), 2, embeddings, 0.6).agreeing()).isEqualTo(1);
    }

    @Test
    void aCopyThatGaveNoAnswerAgreesWithNone() {
        AnswerGroups groups = AnswerGroups.of(List.of("water", "Water."), 3, null, 0.9);

        assertThat(groups.agreeing()).isEqualTo(2);
        assertThat(groups.agreement()).as("2 of the 3 copies asked").isEqualTo(2.0 / 3);
    }

    @Test
    void theLargestGroupWinsWhereverItStarts() {
        AnswerGroups groups = AnswerGroups.of(List.of("air", "water", "Water", "miasma", "water!"), 5, null, 0.9);

        assertThat(groups.groups()).containsExactly(1, 0, 0, 2, 0);
        assertThat(groups.answer()).isEqualTo("water");
        assertThat(groups.agreement()).isEqualTo(0.6);
    }

    @Test
    void noAnswersOrMoreAnswersThanCopiesAreRefused() {
        assertThatThrownBy(() -> AnswerGroups.of(List.of(), 3, null, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerGroups.of(List.of("a", "b"), 1, null, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] unit(float x, float y) {
        float norm = (float) Math.sqrt(x * x + y * y);
        return new float[] {x / norm, y / norm};
    }
}
