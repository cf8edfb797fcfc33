package org.amplify.models;

/**
 * One sample of a chat model.
 *
 * @param text the assistant message's content
 * @param promptTokens tokens of the prompt as the endpoint counted them (0 when it does not say)
 * @param completionTokens tokens of the answer (0 when it does not say)
 */
public record ChatReply(String text, int promptTokens, int completionTokens) {

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
