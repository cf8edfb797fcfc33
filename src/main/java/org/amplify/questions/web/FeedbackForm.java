package org.amplify.questions.web;

import jakarta.validation.constraints.NotNull;
import org.amplify.questions.Verdict;

/**
 * An expert's verdict on a subquestion's answer, as the row's buttons post it.
 *
 * @param workspace the workspace the expert works in (where the page goes back to)
 * @param verdict accept, correct or expand, in any case ({@link VerdictConverter})
 * @param answer the corrected answer, for {@link Verdict#CORRECT}
 */
record FeedbackForm(@NotNull Long workspace, @NotNull Verdict verdict, String answer) {}
