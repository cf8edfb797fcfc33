package org.amplify.domains;

/**
 * What every domain's {@link AlgorithmicDomain#contextOf} checks first, and how it refuses a fact: a
 * message for people that names the fact by its 1-based line and its token notation, such as
 * {@code line 3 (aa bb): aa already has an image (line 1)}.
 */
public final class PastedFacts {

    private PastedFacts() {}

    /**
     * A copy of the facts (the caller's arrays may change later), after checking that there are some
     * and that each is {@link AlgorithmicDomain#factLength()} tokens of the domain's vocabulary, none
     * of them {@link Vocabulary#UNKNOWN}.
     */
    public static int[][] checkedCopy(AlgorithmicDomain domain, int[][] facts) {
        if (facts == null || facts.length == 0) {
            throw new IllegalArgumentException("there are no facts: paste one fact a line, in token notation");
        }
        int[][] copy = new int[facts.length][];
        for (int i = 0; i < facts.length; i++) {
            int[] fact = facts[i];
            if (fact == null || fact.length != domain.factLength()) {
                throw refuse(domain, facts, i, "a fact is " + domain.factLength() + " tokens, this one has "
                        + (fact == null ? 0 : fact.length));
            }
            for (int j = 0; j < fact.length; j++) {
                if (fact[j] <= Vocabulary.UNKNOWN || fact[j] >= domain.vocabulary().size()) {
                    throw refuse(domain, facts, i, "token " + (j + 1) + " is not a symbol of a fact");
                }
            }
            copy[i] = fact.clone();
        }
        return copy;
    }

    /** The refusal of the fact at {@code index} (0-based) for the given reason. */
    public static IllegalArgumentException refuse(AlgorithmicDomain domain, int[][] facts, int index, String reason) {
        return new IllegalArgumentException(line(domain, facts, index) + ": " + reason);
    }

    /** The fact at {@code index} (0-based) for people: {@code line 3 (aa bb)}. */
    public static String line(AlgorithmicDomain domain, int[][] facts, int index) {
        int[] fact = facts[index];
        return "line " + (index + 1) + " (" + (fact == null || fact.length == 0 ? "empty" : domain.factNotation(fact))
                + ")";
    }

    /**
     * @param what the context the facts make, for people, e.g. {@code "the facts make a permutation of 5 names"}
     * @throws IllegalArgumentException when the size is outside {@link AlgorithmicDomain#minSize()}..{@link
     *     AlgorithmicDomain#maxSize()}
     */
    public static void checkSize(AlgorithmicDomain domain, int size, String what) {
        if (size < domain.minSize() || size > domain.maxSize()) {
            throw new IllegalArgumentException(what + ": the size N = " + size + " must be between "
                    + domain.minSize() + " and " + domain.maxSize());
        }
    }
}
