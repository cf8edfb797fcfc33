package org.amplify.questions;

import java.time.Instant;
import java.util.List;

/**
 * A subquestion as its workspace shows it: every answer it got, every verdict, and the workspace
 * of its own if it was expanded or sent to people.
 *
 * @param readable the question in the domain's own notation (e.g. {@code σ^5(ab)}), or null for {@code text}
 * @param answer what the expert may use now: the correction, else the person's answer, else the
 *     trusted answer of the copies (null when there is none yet)
 * @param childQuestionId the question it became (expanded or sent to people), or null
 * @param childWorkspaceIds the workspaces of that question
 */
public record Subquestion(long id, long workspaceId, int position, String text, String readable,
        String passedContext,
        SubquestionStatus status, String answer, List<SubAnswer> answers, List<Feedback> feedback,
        Long childQuestionId, List<Long> childWorkspaceIds, Instant createdAt) {

    /** The newest answer the copies (or the context, or memory) gave, or null. */
    public SubAnswer latestAnswer() {
        return answers.isEmpty() ? null : answers.get(answers.size() - 1);
    }

    public boolean pending() {
        return status == SubquestionStatus.OPEN || status == SubquestionStatus.NEEDS_PERSON
                || status == SubquestionStatus.EXPANDED;
    }
}
