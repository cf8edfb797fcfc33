package org.amplify.questions;

/**
 * A subquestion as the copies see it: its domain, the context it may use, its text, what an
 * identical subquestion got before and how many model calls its tree has left.
 *
 * @param contextSeed the seed of a generated algorithmic context (null when pasted)
 * @param contextFacts a pasted algorithmic context's facts, one a line in token notation (null when generated)
 * @param treeContext the tree's whole context (what an algorithmic model reads its facts from)
 * @param passedContext the part of the context its workspace passed down (what a text model may use)
 * @param contextHash identifies the context for memoization
 * @param remembered the newest answer an identical subquestion got from the champion's trusted copies
 *     or from a person (null when nothing is remembered: {@link CopiesPort#forCopies})
 * @param systemPrompt the tree's system prompt for the endpoint copies, or the default setting's
 *     ({@code amplify.questions.default-system-prompt}) when the tree has none
 */
public record SubquestionToAnswer(long id, long workspaceId, long treeId, String domain, Integer contextSize,
        Long contextSeed, String contextFacts, String treeContext, String passedContext, String contextHash, String text,
        String normalizedText, String remembered, int modelCallsLeft, String systemPrompt) {
}
