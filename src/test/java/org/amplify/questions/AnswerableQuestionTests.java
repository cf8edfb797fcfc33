package org.amplify.questions;

import java.util.Arrays;
import java.util.List;
import org.amplify.accounts.TestAccounts;
import org.amplify.domains.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Algorithmic trees cannot lie: a question about a name that is not in the context is refused, at
 * the root and as a subquestion, with a message that gives a question the context does answer; a
 * primitive subquestion is never shown as a trusted "?".
 */
@SpringBootTest
class AnswerableQuestionTests {

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Test
    void aQuestionAboutANameNotInTheContextIsRefusedAtCreationAndWhenAsked() {
        long expert = accounts.expert().id();
        List<String> present = Arrays.asList(trees.contextNames());
        String absent = Arrays.stream(Names.all()).filter(n -> !present.contains(n)).findFirst().orElseThrow();

        assertThatThrownBy(() -> questions.createTree(new NewTree("permutation-powering", absent + " 0 0 0 1 0 1",
                null, 8, 42L, null, null, null, null), expert))
                .isInstanceOf(QuestionRefusedException.class)
                .hasMessageContaining("'" + absent + " 0 0 0 1 0 1' is not about this context")
                .satisfies(e -> assertThat(((QuestionRefusedException) e).field()).isEqualTo("question"))
                .satisfies(e -> assertThat(present).anyMatch(n -> e.getMessage().contains("e.g. '" + n + " ")));

        long root = trees.permutationTree(expert, null, null, null);
        assertThatThrownBy(() -> work.ask(root, absent + " 0 0 0 0 0 1", "", expert))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("is not about this context");
        assertThat(questions.workspace(root).subquestions()).isEmpty();

        long primitive = work.ask(root, present.get(0) + " 0 0 0 0 0 1", "", expert);
        Subquestion read = trees.answered(root, primitive);
        assertThat(read.latestAnswer().trusted()).isTrue();
        assertThat(read.answer()).isIn(present).isNotEqualTo("?");
    }
}
