package org.amplify.questions;

import java.util.List;

/**
 * Subquestions got answers (the copies', or a person's from a question of its own): the pages of
 * the workspaces that asked them show them without a reload.
 */
public record SubquestionsAnswered(List<Answered> answered) {

    /** One subquestion that got an answer, and the workspace that asked it. */
    public record Answered(long workspaceId, long subquestionId) {}
}
