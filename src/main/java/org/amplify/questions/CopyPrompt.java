package org.amplify.questions;

/**
 * What a language model reads of a subquestion besides the system prompt, in one format for the
 * endpoint copies that are asked it and for the fine-tuning exports that teach a model to answer it
 * (the datasets module writes the same format in SQL; its tests compare the two): the subquestion and
 * the context passed down to it, nothing else (pointers hide the rest from models as from people).
 */
public final class CopyPrompt {

    private CopyPrompt() {
    }

    /**
     * {@code Question: …}, or {@code Context:\n…\n\nQuestion: …} when a context is passed; both trimmed.
     *
     * @param context the context passed down, or null or blank for none
     */
    public static String userMessage(String question, String context) {
        String passed = context == null ? "" : context.strip();
        return passed.isEmpty() ? "Question: " + question.strip()
                : "Context:\n" + passed + "\n\nQuestion: " + question.strip();
    }
}
