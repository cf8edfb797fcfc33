package org.amplify.questions;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the questions module ({@code amplify.questions.*}); the budgets are the defaults of a
 * new tree, which its creator may override.
 *
 * @param hold how long a workspace stays held by the expert who took it, after their last action
 * @param modelCallBudget calls to model copies a tree may make (every copy's answer is one call)
 * @param workspaceBudget workspaces a tree may have, its root's included
 * @param depthLimit how deep subquestions may be expanded (the root is depth 0)
 * @param expertsPerQuestion independent expert answers each question of a tree asks for
 * @param maxTextLength the longest question, answer or scratchpad line people may write
 * @param defaultSystemPrompt the system prompt a language model's copies get in a {@code text} tree
 *     whose owner set none
 */
@Validated
@ConfigurationProperties("amplify.questions")
public record QuestionsProperties(
        @DefaultValue("30m") Duration hold,
        @Min(0) @DefaultValue("3000") int modelCallBudget,
        @Min(1) @DefaultValue("50") int workspaceBudget,
        @Min(0) @DefaultValue("6") int depthLimit,
        @Min(1) @DefaultValue("1") int expertsPerQuestion,
        @Min(10) @DefaultValue("2000") int maxTextLength,
        @NotBlank @DefaultValue("You answer one subquestion of a larger question that people are working on. Use "
                + "only the context you are given; if it does not say, answer from what is commonly known. Answer "
                + "in one short sentence, without explaining.") String defaultSystemPrompt) {
}
