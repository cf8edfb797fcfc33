package org.amplify.questions;

import java.util.List;

/**
 * Subquestions got answers (the copies', or a person's from a question of its own), on this node or
 * another: published on every node once the answers are committed (from PostgreSQL's notification),
 * so that the pages of the workspaces that asked them show them without a reload.
 */
public record SubquestionsAnswered(List<Answered> answered) {

    /** One subquestion that got an answer, and the workspace that asked it. */
    public record Answered(long workspaceId, long subquestionId) {}
}
