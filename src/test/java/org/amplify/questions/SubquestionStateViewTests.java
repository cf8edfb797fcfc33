package org.amplify.questions;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view {@code questions_subquestion_states} (migration V20, read by the datasets exports) and
 * {@link QuestionFlow#subquestion} give every subquestion the same status and answer: one case for
 * each status a subquestion can have, made through the services. Each comparison reads both in one
 * repeatable-read transaction, so the copies answering in the background cannot come between them.
 */
@SpringBootTest
class SubquestionStateViewTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final Set<SubquestionStatus> seen = EnumSet.noneOf(SubquestionStatus.class);

    @Test
    void theViewGivesEverySubquestionTheStatusAndAnswerOfQuestionFlow() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        Account helper = accounts.user("state-view-helper", Role.EXPERT);
        String[] names = trees.contextNames();
        long permutation = trees.permutationTree(expert, null, null, null);
        long text = questions.createTree(new NewTree("text", "Is the state view's release ready?",
                "Its tests pass. Its docs are missing.", null, null, null, null, null, null), expert);

        // OPEN and EXPANDED: in the transaction that asks, before the copies (who answer after it commits)
        long[] asked = new long[2];
        inTransaction(() -> {
            asked[0] = work.ask(text, "Are the docs of tree " + text + " ready?", "Its docs are missing.", expert);
            asked[1] = work.ask(text, "Do the tests of tree " + text + " pass?", "Its tests pass.", expert);
            work.feedback(asked[1], Verdict.EXPAND, null, expert);
            compare(text, Map.of(asked[0], SubquestionStatus.OPEN, asked[1], SubquestionStatus.EXPANDED));
        });

        // NEEDS_PERSON: no model answers text, so the copies send it to people
        Subquestion waiting = trees.answered(text, asked[0]);
        compare(text, Map.of(asked[0], SubquestionStatus.NEEDS_PERSON));

        // ANSWERED_BY_PERSON: the answer of its own workspace flows back
        long child = waiting.childWorkspaceIds().get(0);
        work.submit(child, questions.workspace(child).version(), "No", helper.id());
        compare(text, Map.of(asked[0], SubquestionStatus.ANSWERED_BY_PERSON));

        // ANSWERED_BY_MODEL: a primitive, read from the context
        long primitive = work.ask(permutation, names[0] + " 0 0 0 0 0 1", "", expert);
        trees.answered(permutation, primitive);
        compare(permutation, Map.of(primitive, SubquestionStatus.ANSWERED_BY_MODEL));

        // CORRECTED: the expert's correction wins over whatever the copies said
        long corrected = work.ask(permutation, names[1] + " 0 0 0 0 1 1", "", expert);
        trees.answered(permutation, corrected);
        work.feedback(corrected, Verdict.CORRECT, names[2], expert);
        compare(permutation, Map.of(corrected, SubquestionStatus.CORRECTED));

        assertThat(seen).containsExactlyInAnyOrder(SubquestionStatus.values());
    }

    /**
     * Every subquestion of the workspace has the same status and answer in the view as in
     * QuestionFlow, and the expected ones have the expected status.
     */
    private void compare(long workspaceId, Map<Long, SubquestionStatus> expected) {
        inTransaction(() -> {
            List<Subquestion> flow = questions.workspace(workspaceId).subquestions();
            Map<Long, List<String>> byFlow = flow.stream().collect(Collectors.toMap(Subquestion::id,
                    s -> Arrays.asList(s.status().name(), s.answer())));
            Map<Long, List<String>> byView = new HashMap<>();
            jdbc.query("SELECT st.subquestion_id, st.status, st.answer FROM questions_subquestion_states st"
                    + " JOIN questions_subquestions s ON s.id = st.subquestion_id WHERE s.workspace_id = ?",
                    rs -> {
                        byView.put(rs.getLong(1), Arrays.asList(rs.getString(2), rs.getString(3)));
                    }, workspaceId);
            assertThat(byView).as("status and answer by subquestion id, view vs QuestionFlow").isEqualTo(byFlow);
            expected.forEach((id, status) -> assertThat(byFlow.get(id).get(0)).as("status of %d", id)
                    .isEqualTo(status.name()));
            flow.forEach(s -> seen.add(s.status()));
        });
    }

    private void inTransaction(Runnable work) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        template.executeWithoutResult(status -> work.run());
    }
}
