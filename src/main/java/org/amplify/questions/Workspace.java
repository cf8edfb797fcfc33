package org.amplify.questions;

import java.time.Instant;
import java.util.List;

/**
 * One question as an expert sees it.
 *
 * @param readable the question in the domain's own notation, or null for {@code text}
 * @param visibleContext the context its parent passed down (the whole context at the root)
 * @param unlockedContext the parent's context, once the expert asked to unlock it (else null)
 * @param hiddenContext whether the parent saw more than was passed down (so there is something to unlock)
 * @param version for optimistic locking of the scratchpad and the draft answer
 * @param closed its answer is no longer needed (closed without one; neither open nor submitted)
 * @param siblings the other experts' workspaces on the same question (when it asks for several)
 */
public record Workspace(long id, long questionId, long treeId, String treeTitle, String domain, int depth,
        String question, String readable, String visibleContext, String unlockedContext, boolean hiddenContext, boolean open,
        boolean closed,
        Long heldById, String heldByName, Instant heldUntil, String scratchpad, String draftAnswer, String answer,
        String answeredByName, long version, Long parentWorkspaceId, List<Subquestion> subquestions,
        List<Workspace> siblings, Budget budget, Instant createdAt) {

    /** One subquestion's row: the subquestion and its workspace (whose own subquestions are left out). */
    public record Row(Workspace ws, Subquestion sub) {}

    /** What is left of the tree's budgets. */
    public record Budget(int modelCalls, int modelCallBudget, int workspaces, int workspaceBudget, int depth,
            int depthLimit) {

        public boolean canExpand() {
            return workspaces < workspaceBudget && depth < depthLimit;
        }
    }

    public boolean heldBy(long accountId) {
        return heldById != null && heldById == accountId && heldUntil != null && heldUntil.isAfter(Instant.now());
    }
}
