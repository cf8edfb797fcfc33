package org.amplify.models;

/**
 * One request to a chat model: a system message and a user message.
 *
 * @param system the tree's short system prompt
 * @param user the subquestion and the context passed down to it, nothing else
 */
public record ChatPrompt(String system, String user) {}
