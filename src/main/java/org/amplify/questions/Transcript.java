package org.amplify.questions;

import java.time.Instant;
import java.util.List;

/**
 * The record of one submitted workspace, as distillation trains on it and researchers export it:
 * the question and the context it saw, each subquestion with every answer it got (the copies'
 * votes among them) and every verdict on them, and the final answer; who and when. Built from the
 * append-only rows, so the same workspace always gives the same transcript.
 *
 * @param context what the workspace saw: the context passed down to it (and the parent's, if unlocked)
 */
public record Transcript(long workspaceId, long treeId, long questionId, String domain, String question,
        String context, List<Subquestion> subquestions, String answer, long expertId, String expertName,
        Instant createdAt, Instant submittedAt) {
}
