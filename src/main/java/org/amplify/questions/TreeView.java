package org.amplify.questions;

import java.util.List;

/** A whole tree for its picture: questions, their workspaces and subquestions, each with its status. */
public record TreeView(Tree tree, Node root) {

    /**
     * One question.
     *
     * @param answer its answer once its experts agree (or an admin resolved), else null
     * @param disagreement whether its experts answered and disagree
     */
    public record Node(long questionId, String text, List<Long> workspaceIds, String answer, boolean disagreement,
            List<Branch> subquestions) {}

    /** One subquestion and, if it became a question of its own, that question. */
    public record Branch(long subquestionId, long workspaceId, String text, SubquestionStatus status, String answer,
            Node child) {}
}
