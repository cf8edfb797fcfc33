package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import org.amplify.accounts.TestAccounts;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Subquestion;
import org.amplify.questions.SubquestionStatus;
import org.amplify.questions.TestTrees;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a promoted text model, a subquestion far from every remembered question goes to people even
 * though the copies agree; one the copies were trained on gets its right answer.
 */
@SpringBootTest
class TextCopiesTrustTests {

    @Autowired
    TestSuggestions fixtures;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    AmplificationProperties properties;

    @Test
    void anAnswerUnderTheSimilarityThresholdGoesToPeopleEvenWhenTheCopiesAgree() {
        fixtures.promotedTextModel();
        long expert = accounts.expert().id();
        long ws = questions.createTree(new NewTree("text", "What caused the 1854 cholera outbreak?",
                "Snow's map. The Broad Street pump.", null, null, null, null, null, null), expert);

        // questions near what the copies remember, none of them answered: the copies may well agree (the
        // calibrated 0.95 does not catch all: "what is the capital of spain" reads 0.96 from "...of france")
        List<Subquestion> unsure = new ArrayList<>();
        for (String near : List.of("which company supplied the households with most deaths",
                "what is three plus three", "what is the formula of salt", "how did the pump handle get removed")) {
            unsure.add(trees.answered(ws, work.ask(ws, near, "", expert)));
        }
        for (Subquestion sub : unsure) {
            assertThat(sub.latestAnswer().source()).isEqualTo(AnswerSource.MODEL);
            assertThat(sub.latestAnswer().votes()).hasSize(properties.copies());
            assertThat(sub.latestAnswer().trusted()).as(sub.text()).isFalse();
            assertThat(sub.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
            assertThat(sub.childWorkspaceIds()).hasSize(1);
        }
        assertThat(unsure).as("the copies agree on some, all the same under the similarity threshold")
                .anySatisfy(sub -> {
                    assertThat(sub.latestAnswer().agreement()).isEqualTo(1.0);
                    assertThat(sub.latestAnswer().note()).contains("unsure");
                });

        // a phrasing the copies were trained on (each copy remembers its own bootstrap sample, so not
        // every copy remembers it): the right answer, trusted exactly when it is close enough
        long known = work.ask(ws, TestSuggestions.GROUPS[0][3], "", expert);
        Subquestion answered = trees.answered(ws, known);
        assertThat(answered.latestAnswer().source()).isEqualTo(AnswerSource.MODEL);
        assertThat(answered.latestAnswer().answer()).isEqualTo(TestSuggestions.GROUPS[0][0]);
        assertThat(answered.latestAnswer().trusted()).as(answered.latestAnswer().note())
                .isEqualTo(!answered.latestAnswer().note().contains("a person should answer this"));
    }
}
