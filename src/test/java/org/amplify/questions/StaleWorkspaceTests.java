package org.amplify.questions;

import java.util.List;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Work that is no longer needed leaves the queue: a workspace whose subquestion is accepted or
 * corrected in the parent is closed (an event, never a deletion), a submitted workspace closes
 * everything below it, "Next workspace" never hands out a closed one, and an expert can skip one.
 */
@SpringBootTest
class StaleWorkspaceTests {

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Test
    void acceptingOrCorrectingASubquestionClosesItsOpenChildWorkspace() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        long root = trees.permutationTree(expert, null, null, null);
        String[] names = trees.contextNames();
        long accepted = expanded(root, names[0] + " 0 0 0 0 0 1", expert);
        long corrected = expanded(root, names[1] + " 0 0 0 0 0 1", expert);
        long acceptedChild = childWorkspace(root, accepted);
        long correctedChild = childWorkspace(root, corrected);
        assertThat(queued()).contains(acceptedChild, correctedChild);

        work.feedback(accepted, Verdict.ACCEPT, null, expert);
        work.feedback(corrected, Verdict.CORRECT, names[3], expert);

        for (long child : List.of(acceptedChild, correctedChild)) {
            Workspace closed = questions.workspace(child);
            assertThat(closed.open()).isFalse();
            assertThat(closed.closed()).isTrue();
            assertThat(questions.history(child)).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("CLOSED");
                assertThat(e.detail().get("reason").toString()).contains("workspace #" + root);
            });
        }
        assertThat(queued()).doesNotContain(acceptedChild, correctedChild);
        long other = accounts.user("stale-other", Role.EXPERT).id();
        assertThat(handedOut(other)).doesNotContain(acceptedChild, correctedChild);
        assertThatThrownBy(() -> work.ask(acceptedChild, names[2] + " 0 0 0 0 0 1", "", other))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("no longer needed");
    }

    @Test
    void aSubmittedRootClosesTheOpenWorkspacesBelowIt() {
        trees.promotedUntrainedModel();
        long expert = accounts.expert().id();
        long helper = accounts.user("stale-helper", Role.EXPERT).id();
        long root = trees.permutationTree(expert, null, null, null);
        String[] names = trees.contextNames();
        long first = childWorkspace(root, expanded(root, names[0] + " 0 0 0 0 0 1", expert));
        long second = childWorkspace(root, expanded(root, names[1] + " 0 0 0 0 0 1", expert));
        long grandchild = childWorkspace(first, expanded(first, names[2] + " 0 0 0 0 0 1", helper));
        assertThat(queued()).contains(second, grandchild);

        work.submit(root, questions.workspace(root).version(), names[4], expert);

        assertThat(questions.workspace(root).closed()).isFalse();
        assertThat(questions.workspace(root).answer()).isEqualTo(names[4]);
        for (long below : List.of(first, second, grandchild)) {
            assertThat(questions.workspace(below).closed()).as("workspace %d", below).isTrue();
        }
        assertThat(queued()).doesNotContain(first, second, grandchild);
        assertThat(handedOut(accounts.user("stale-next", Role.EXPERT).id())).doesNotContain(first, second, grandchild);
        assertThat(questions.transcripts(List.of(first, second, grandchild))).as("closed: no transcript").isEmpty();
        assertThat(questions.queue()).noneSatisfy(e -> assertThat(e.treeId()).isEqualTo(questions.workspace(root).treeId()));
    }

    @Test
    void aSkippedWorkspaceIsNotHandedToTheSameExpertAgain() {
        trees.promotedUntrainedModel();
        long owner = accounts.expert().id();
        long root = trees.permutationTree(owner, null, null, null);
        long child = childWorkspace(root, expanded(root, trees.firstName() + " 0 0 0 0 0 1", owner));
        long skipper = accounts.user("stale-skipper", Role.EXPERT).id();

        work.skip(child, skipper);
        assertThat(handedOut(skipper)).doesNotContain(child);
        assertThat(questions.history(child)).anySatisfy(e -> assertThat(e.kind()).isEqualTo("SKIP"));
        QuestionService.QueueEntry entry = questions.queue().stream().filter(e -> e.workspaceId() == child)
                .findFirst().orElseThrow();
        assertThat(entry.treeDone()).isZero();
        assertThat(entry.treeTotal()).isEqualTo(2);
    }

    /** Every workspace "Next workspace" hands the expert, each skipped at once (so nothing stays held). */
    private List<Long> handedOut(long expert) {
        List<Long> handed = new java.util.ArrayList<>();
        for (var next = work.next(expert); next.isPresent(); next = work.next(expert)) {
            assertThat(handed).as("handed out twice").doesNotContain(next.get());
            handed.add(next.get());
            work.skip(next.get(), expert);
        }
        return handed;
    }

    private long expanded(long workspace, String question, long expert) {
        long sub = work.ask(workspace, question, "", expert);
        trees.answered(workspace, sub);
        work.feedback(sub, Verdict.EXPAND, null, expert);
        return sub;
    }

    private long childWorkspace(long workspace, long sub) {
        return questions.workspace(workspace).subquestions().stream().filter(s -> s.id() == sub).findFirst()
                .orElseThrow().childWorkspaceIds().get(0);
    }

    private List<Long> queued() {
        return questions.queue().stream().map(QuestionService.QueueEntry::workspaceId).toList();
    }
}
