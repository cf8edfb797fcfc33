package org.amplify.amplification;

/**
 * A subquestion suggested to the expert of a {@code text} workspace: one that an expert asked when
 * answering a similar question.
 *
 * @param id what to take it by ({@link SuggestionService#take})
 * @param sourceWorkspaceId the submitted workspace that asked it
 * @param sourceQuestion that workspace's question
 * @param similarity the cosine similarity of the two questions by the text model (mean over its members)
 */
public record Suggestion(long id, String text, long sourceWorkspaceId, String sourceQuestion, double similarity) {}
