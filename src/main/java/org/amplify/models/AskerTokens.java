package org.amplify.models;

import java.util.Arrays;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertStep;
import org.amplify.models.internal.AskerBlock;

/**
 * A transcript as the token sequence H' reads: the question, then each exchange as the action that
 * asked it and the answer ({@code ASK q₁…q_L a}), then the next action, {@code ASK q₁…q_L} or
 * {@code ANSWER a}. {@code ASK} and {@code ANSWER} are two tokens after the domain's vocabulary; every
 * token carries its type (see {@link AskerBlock}), and its position is its index.
 */
final class AskerTokens {

    final int vocabulary;
    final int questionLength;
    final int maxSubquestions;
    final int ask;
    final int answer;

    AskerTokens(int vocabulary, int questionLength, int maxSubquestions) {
        this.vocabulary = vocabulary;
        this.questionLength = questionLength;
        this.maxSubquestions = maxSubquestions;
        this.ask = vocabulary;
        this.answer = vocabulary + 1;
    }

    /** The domain's tokens and the two action kinds. */
    int modelVocabulary() {
        return vocabulary + 2;
    }

    /** The longest sequence: the question, every exchange H may make, and the final answer. */
    int maxLength() {
        return questionLength + maxSubquestions * (questionLength + 2) + questionLength + 1;
    }

    /** The number of tokens of an action: {@code ASK} and a subquestion, or {@code ANSWER} and a token. */
    int actionLength(ExpertStep action) {
        return action instanceof ExpertStep.Ask ? 1 + questionLength : 2;
    }

    /** {@code [tokens, types]} of the prefix, with room for {@code extra} more tokens. */
    int[][] prefix(AskerInput input, int extra) {
        if (input.exchanges().size() > maxSubquestions) {
            throw new IllegalArgumentException("more than " + maxSubquestions + " exchanges");
        }
        int length = prefixLength(input);
        int[] tokens = new int[length + extra];
        int[] types = new int[length + extra];
        int at = put(tokens, types, 0, input.question().tokens(), AskerBlock.QUESTION);
        for (Exchange exchange : input.exchanges()) {
            at = put(tokens, types, at, new int[] {ask}, AskerBlock.KIND);
            at = put(tokens, types, at, exchange.subquestion().tokens(), AskerBlock.SUBQUESTION);
            at = put(tokens, types, at, new int[] {exchange.answer()}, AskerBlock.SUBANSWER);
        }
        return new int[][] {tokens, types};
    }

    int prefixLength(AskerInput input) {
        return questionLength + input.exchanges().size() * (questionLength + 2);
    }

    /** {@code [tokens, types]} of the prefix followed by the action. */
    int[][] withAction(AskerInput input, ExpertStep action) {
        int[][] sequence = prefix(input, actionLength(action));
        int at = prefixLength(input);
        if (action instanceof ExpertStep.Ask asked) {
            at = put(sequence[0], sequence[1], at, new int[] {ask}, AskerBlock.KIND);
            put(sequence[0], sequence[1], at, asked.subquestion().tokens(), AskerBlock.SUBQUESTION);
        } else if (action instanceof ExpertStep.Answer answered) {
            at = put(sequence[0], sequence[1], at, new int[] {answer}, AskerBlock.KIND);
            put(sequence[0], sequence[1], at, new int[] {answered.answer()}, AskerBlock.ANSWER);
        }
        return sequence;
    }

    private static int put(int[] tokens, int[] types, int at, int[] values, int type) {
        System.arraycopy(values, 0, tokens, at, values.length);
        Arrays.fill(types, at, at + values.length, type);
        return at + values.length;
    }
}
