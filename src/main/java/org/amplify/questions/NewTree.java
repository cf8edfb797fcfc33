package org.amplify.questions;

/**
 * What a user asks for when creating a tree. Null budgets take the defaults of
 * {@link QuestionsProperties}.
 *
 * @param context for {@code text}: the document; for an algorithmic domain: ignored (a context of
 *     {@code size} is generated from {@code seed})
 * @param seed null for a random one
 */
public record NewTree(String domain, String question, String context, Integer size, Long seed,
        Integer modelCallBudget, Integer workspaceBudget, Integer depthLimit, Integer expertsPerQuestion) {
}
