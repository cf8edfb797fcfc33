package org.amplify.domains;

import java.util.random.RandomGenerator;

/**
 * One of the paper's algorithmic tasks: contexts of size N, questions about them, the answer of a
 * primitive question read from one fact, the ground truth, and a programmatic expert H.
 *
 * <p>Everything is tokens of {@link #vocabulary()}: a fact is {@link #factLength()} tokens, a question
 * {@link #questionLength()} tokens, an answer one token ({@link Vocabulary#UNKNOWN} for a malformed
 * question). Generators are seeded by the caller's random source, so a run is reproducible.
 */
public interface AlgorithmicDomain {

    /** The domain's name in URLs, settings and the database, e.g. {@code permutation-powering}. */
    String name();

    /** One sentence for people. */
    String description();

    Vocabulary vocabulary();

    int factLength();

    int questionLength();

    /** The smallest context N: 8, the paper's smallest, in every domain. */
    default int minSize() {
        return 8;
    }

    /** The largest context N: by default one fact a name ({@link Names#COUNT}). */
    default int maxSize() {
        return Names.COUNT;
    }

    /** The size N experiments start at. */
    default int defaultSize() {
        return minSize();
    }

    /** Difficulty levels of non-primitive questions, 1..levels(); primitive questions are level 0. */
    int levels();

    /** A random context of size N (between {@link #minSize()} and {@link #maxSize()}). */
    Context generate(int size, RandomGenerator random);

    /** Refuses a size outside {@link #minSize()}..{@link #maxSize()}. */
    default void checkSize(int size) {
        if (size < minSize() || size > maxSize()) {
            throw new IllegalArgumentException("size must be between " + minSize() + " and " + maxSize());
        }
    }

    /** Refuses a level outside 1..{@link #levels()}. */
    default void checkLevel(int level) {
        if (level < 1 || level > levels()) {
            throw new IllegalArgumentException("level must be between 1 and " + levels());
        }
    }

    /**
     * The context the given facts describe, for a context a person pasted rather than generated.
     *
     * @throws IllegalArgumentException with a message for people when the facts do not make a valid
     *     context of this domain (a token of the wrong kind, a size out of range, a fact that
     *     contradicts another)
     */
    Context contextOf(int[][] facts);

    /** A random non-primitive question about the context at the given level (1..levels()). */
    Question randomQuestion(Context context, int level, RandomGenerator random);

    /** A random non-primitive question about the context, of a level drawn uniformly. */
    default Question randomQuestion(Context context, RandomGenerator random) {
        return randomQuestion(context, 1 + random.nextInt(levels()), random);
    }

    /** The level of a question: 0 for a primitive one. */
    int level(Question question);

    /** A primitive question is answered by reading one fact of the context: by the environment, not a model. */
    boolean isPrimitive(Question question);

    /** The answer of a primitive question, read from the context; a question that is not primitive is refused. */
    default int answerPrimitive(Context context, Question question) {
        if (!isPrimitive(question)) {
            throw new IllegalArgumentException("not a primitive question: " + describe(question));
        }
        return solve(context, question);
    }

    /** The true answer, computed directly: for evaluation and the supervised baseline only, never for IA targets. */
    int solve(Context context, Question question);

    ProgrammaticExpert expert();

    /**
     * The size of a question by which H's decomposition is well-founded: every non-primitive
     * subquestion H asks is strictly smaller than the question it decomposes.
     */
    int measure(Context context, Question question);

    /** The kind of a question for per-kind accuracy, e.g. {@code "k 4-7"} or {@code "distance"}. */
    String kind(Question question);

    /**
     * A question typed by a person in the domain's token notation ({@link #notation}): its tokens'
     * symbols separated by spaces. Empty when a symbol is unknown or the count is wrong.
     */
    default java.util.Optional<Question> parse(String text) {
        return tokens(vocabulary(), text, questionLength()).map(Question::new);
    }

    /** A fact typed by a person in token notation ({@link #factNotation}); empty when it does not parse. */
    default java.util.Optional<int[]> parseFact(String text) {
        return tokens(vocabulary(), text, factLength());
    }

    /** Symbols separated by spaces to tokens: empty when a symbol is unknown or the count is not {@code length}. */
    private static java.util.Optional<int[]> tokens(Vocabulary vocabulary, String text, int length) {
        String[] symbols = text == null ? new String[0] : text.strip().split("\\s+");
        if (symbols.length != length) {
            return java.util.Optional.empty();
        }
        int[] tokens = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            tokens[i] = vocabulary.token(symbols[i]);
            if (tokens[i] <= Vocabulary.UNKNOWN) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(tokens);
    }

    /** A fact in the token notation that {@link #parseFact} reads. */
    default String factNotation(int[] fact) {
        return vocabulary().render(fact);
    }

    /** A question in the token notation that {@link #parse} reads. */
    default String notation(Question question) {
        return vocabulary().render(question.tokens());
    }

    /** The question for people. */
    default String describe(Question question) {
        return vocabulary().render(question.tokens());
    }

    /** A fact for people. */
    default String describeFact(int[] fact) {
        return vocabulary().render(fact);
    }

    /** An answer for people. */
    default String describeAnswer(int answer) {
        return vocabulary().symbol(answer);
    }
}
