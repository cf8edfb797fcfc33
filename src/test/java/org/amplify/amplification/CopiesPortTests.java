package org.amplify.amplification;

import java.util.List;
import org.amplify.StatementRecorder;
import org.amplify.accounts.TestAccounts;
import org.amplify.questions.AnswerSource;
import org.amplify.questions.Subquestion;
import org.amplify.questions.SubquestionStatus;
import org.amplify.questions.TestTrees;
import org.amplify.questions.Verdict;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amplification answers asked subquestions through the questions module's narrow port: one read of
 * the subquestions and one write of their answers, counted here with a statement recorder on the
 * thread that answers them (the asynchronous listener, not the asking request).
 */
@SpringBootTest
class CopiesPortTests {

    /** The questions module's tables, and its function that sends subquestions to people (V26). */
    static final List<String> QUESTIONS = List.of("trees", "questions", "workspaces", "workspace_events",
            "subquestions", "sub_answers", "feedback", "question_resolutions", "questions_become_questions");

    @Autowired
    TestTrees trees;

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkspaceService work;

    @Test
    void aPrimitiveAndARememberedSubquestionAreAnsweredWithAtMostThreeStatementsIntoQuestions() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        long ws = trees.permutationTree(expert, null, null, null);
        String[] names = trees.contextNames();
        String question = names[1] + " 0 0 0 0 1 1";
        long first = work.ask(ws, question, "", expert);
        trees.answered(ws, first);
        work.feedback(first, Verdict.CORRECT, names[2], expert);
        long other = trees.permutationTree(expert, null, null, null);

        List<StatementRecorder.Executed> primitive = answering(() -> work.ask(other, names[0] + " 0 0 0 0 0 1", "",
                expert), other, AnswerSource.PRIMITIVE);
        List<StatementRecorder.Executed> remembered = answering(() -> work.ask(other, question, "", expert), other,
                AnswerSource.MEMORY);

        assertThat(primitive).as("%s", primitive).hasSizeBetween(1, 3);
        assertThat(remembered).as("%s", remembered).hasSizeBetween(1, 3);
    }

    @Test
    void votesThatDisagreeAreRecordedAndSentToPeopleWithAtMostThreeStatementsIntoQuestions() {
        trees.promotedUntrainedModel(); // unsure: its copies disagree, so the subquestion goes to people
        long expert = accounts.expert().id();
        long ws = trees.permutationTree(expert, null, null, null);
        long[] asked = new long[1];

        List<StatementRecorder.Executed> voted = answering(() -> asked[0] = work.ask(ws, trees.firstName()
                + " 0 0 0 1 0 1", "", expert), ws, AnswerSource.MODEL);

        assertThat(voted).as("%s", voted).hasSizeBetween(1, 3);
        System.out.printf("a voted subquestion sent to people: %d statements into questions:%n%s%n", voted.size(),
                voted.stream().map(e -> "  " + e.sql().strip().lines().findFirst().orElse("")).collect(
                        java.util.stream.Collectors.joining("\n")));
        Subquestion sent = trees.answered(ws, asked[0]);
        assertThat(sent.status()).isEqualTo(SubquestionStatus.NEEDS_PERSON);
        assertThat(sent.childQuestionId()).as("it became a question in the people's queue").isNotNull();
        assertThat(sent.childWorkspaceIds()).isNotEmpty();
    }

    /** The statements into the questions module's tables issued off the asking thread until the answer is there. */
    private List<StatementRecorder.Executed> answering(java.util.function.LongSupplier ask, long ws,
            AnswerSource expected) {
        String asking = Thread.currentThread().getName();
        try (StatementRecorder.Recording recording = StatementRecorder.start()) {
            long id = ask.getAsLong();
            Subquestion answered = trees.answered(ws, id);
            assertThat(answered.latestAnswer().source()).isEqualTo(expected);
            List<StatementRecorder.Executed> off = recording.statements().stream()
                    .filter(s -> !s.thread().equals(asking)).toList();
            assertThat(off).as("the answering thread's statements were recorded").isNotEmpty();
            return off.stream().filter(s -> s.touches(QUESTIONS)).toList();
        }
    }
}
