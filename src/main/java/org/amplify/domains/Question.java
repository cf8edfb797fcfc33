package org.amplify.domains;

import java.util.Arrays;

/**
 * A question of an algorithmic domain, as tokens of that domain's vocabulary (see {@link Vocabulary}).
 * Two questions with the same tokens are the same question.
 */
public final class Question {

    private final int[] tokens;

    public Question(int... tokens) {
        this.tokens = tokens.clone();
    }

    public int[] tokens() {
        return tokens.clone();
    }

    public int token(int index) {
        return tokens[index];
    }

    public int length() {
        return tokens.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Question that && Arrays.equals(tokens, that.tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return "Question" + Arrays.toString(tokens);
    }
}
