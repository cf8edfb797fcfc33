package org.amplify.distillation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.amplify.models.TextExample;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.Feedback;
import org.amplify.questions.SubAnswer;
import org.amplify.questions.Subquestion;
import org.amplify.questions.SubquestionStatus;
import org.amplify.questions.Transcript;
import org.amplify.questions.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The targets a round takes from an accepted answer: the small model's votes, and a language model's samples. */
class TrainingExamplesTests {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theSmallModelsVotesAreEachAnswersShare() {
        Map<String, Double> targets = targets(accepted("blue", List.of("blue", "grey", "blue"), 2.0 / 3));
        assertThat(targets).containsOnlyKeys("blue", "grey");
        assertThat(targets.get("blue")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(targets.get("grey")).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void aLanguageModelsAnswerKeepsItsGroupsShareThoughItsSamplesAreWordedOtherwise() {
        // an endpoint's three samples, two of them one group by meaning: the shortest is the answer shown
        Map<String, Double> targets = targets(accepted("Yes, through water.", List.of("Yes, it spread through the water.",
                "Yes, through water.", "No."), 2.0 / 3));
        assertThat(targets.get("Yes, through water.")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(targets.get("Yes, it spread through the water.")).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(targets.get("No.")).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(new TextExample("q", targets).majority()).isEqualTo("Yes, through water.");
        // all in one group: the answer has every vote's weight
        assertThat(targets(accepted("Yes.", List.of("Yes.", "Yes, it did.", "Yes, indeed."), 1.0)))
                .containsExactly(Map.entry("Yes.", 1.0));
    }

    @Test
    void theGroupsRecordedWithAnEndpointsAnswerAreItsSoftTargets() {
        SubAnswer grouped = new SubAnswer(11, AnswerSource.MODEL, "Yes, through water.", List.of(
                "Yes, it spread through the water.", "No, through the air.", "Yes, through water.", "No, by air."),
                0.5, false, 5L, null, AT, "endpoint copies (m, text v2)", List.of(0, 1, 0, 1), 4, 40);
        Map<String, Double> targets = targets(grouped);
        assertThat(targets).containsOnly(Map.entry("Yes, through water.", 0.5), Map.entry("No, by air.", 0.5));
    }

    @Test
    void withoutARecordedAgreementTheVotesShareAsBeforeAndMajorityOnlyIsHard() {
        assertThat(targets(accepted("a", List.of("a", "b"), null))).containsOnly(Map.entry("a", 0.5), Map.entry("b", 0.5));
        Transcript transcript = transcript(accepted("a", List.of("a", "b", "a"), 2.0 / 3));
        assertThat(TrainingExamples.of(transcript, true)).containsExactly(new TextExample("the question", Map.of("root", 1.0)),
                new TextExample("the sub", Map.of("a", 1.0)));
    }

    private static Map<String, Double> targets(SubAnswer answer) {
        List<TextExample> examples = TrainingExamples.of(transcript(answer), false);
        assertThat(examples).hasSize(2);
        assertThat(examples.get(1).question()).isEqualTo("the sub");
        return examples.get(1).targets();
    }

    private static SubAnswer accepted(String answer, List<String> votes, Double agreement) {
        return new SubAnswer(11, AnswerSource.MODEL, answer, votes, agreement, true, 5L, null, AT);
    }

    private static Transcript transcript(SubAnswer answer) {
        Feedback accept = new Feedback(21, 7, Verdict.ACCEPT, null, 1, "expert", 5L, AT);
        Subquestion sub = new Subquestion(7, 3, 0, "the sub", null, "", SubquestionStatus.ANSWERED_BY_MODEL,
                answer.answer(), List.of(answer), List.of(accept), null, List.of(), AT);
        return new Transcript(3, 1, 2, "text", "the question", "", List.of(sub), "root", 1, "expert", AT, AT);
    }
}
