package org.amplify.domains;

/**
 * What the two graph domains share (shortest path and union-find, the paper's {@code GraphTask} and
 * {@code UnionFindTask}): facts of two names, questions that end in a bound k on how far they look
 * ({@link BoundLevels}: bounds 1 | 2 | 3-4 | 5-8 | 9-16 are levels 1 to 5), the tokens
 * {@code !}, {@code yes} and {@code no} ({@link GraphTokens}), and an H written as a procedure replayed
 * at each step ({@link ReplayedExpert}) that lists a vertex's neighbours one primitive question at a time.
 *
 * @param <E> the domain's tokens
 */
public abstract class GraphDomain<E extends GraphTokens> extends NamedDomain {

    /** What H's helpers return for "farther than the bound", beside a distance ≥ 0. */
    protected static final int BEYOND = -1;
    /** What H's helpers return for an answer that cannot be right (H then answers {@code ?}). */
    protected static final int INVALID = -2;

    protected final E encoding;
    protected final int beyond;
    protected final int yes;
    protected final int no;
    private final ProgrammaticExpert expert;

    /** @param maxDegree the most neighbours of a vertex: H asks for each and about each (2 subquestions) */
    protected GraphDomain(String name, String description, E encoding, int maxDegree) {
        super(name, description);
        this.encoding = encoding;
        this.beyond = encoding.beyond();
        this.yes = encoding.yes();
        this.no = encoding.no();
        this.expert = ReplayedExpert.expert(this::answer, 1 + 2 * maxDegree);
    }

    /** H as a procedure: {@code ?} for a malformed question, a primitive one read from the environment. */
    private int answer(Question question, ReplayedExpert replay) {
        int type = encoding.type(question);
        if (type < 0) {
            return Vocabulary.UNKNOWN;
        }
        if (isPrimitive(question)) {
            return replay.ask(question);
        }
        return decompose(type, question, replay);
    }

    /**
     * H on a well-formed question that is not primitive: the final answer, its subquestions asked through
     * the replay.
     *
     * @param type the question's type token
     */
    protected abstract int decompose(int type, Question question, ReplayedExpert replay);

    @Override
    public Vocabulary vocabulary() {
        return encoding.vocabulary();
    }

    @Override
    public int factLength() {
        return 2;
    }

    @Override
    public int questionLength() {
        return encoding.questionLength();
    }

    @Override
    public int levels() {
        return BoundLevels.LEVELS;
    }

    /** The level of the question's bound; 0 for a primitive or malformed question. */
    @Override
    public int level(Question question) {
        if (encoding.type(question) < 0 || isPrimitive(question)) {
            return 0;
        }
        return BoundLevels.level(encoding.numberOf(question.token(encoding.questionLength() - 1)));
    }

    @Override
    public ProgrammaticExpert expert() {
        return expert;
    }

    @Override
    public String describe(Question question) {
        return encoding.describe(question);
    }

    @Override
    public String describeFact(int[] fact) {
        return encoding.describeFact(fact);
    }

    @Override
    public String describeAnswer(int answer) {
        return encoding.describeAnswer(answer);
    }

    /** The tokens: question builders and the tokens of names, numbers and {@code !}. */
    public E encoding() {
        return encoding;
    }
}
