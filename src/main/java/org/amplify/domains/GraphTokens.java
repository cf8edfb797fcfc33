package org.amplify.domains;

/**
 * The tokens the two graph domains share (shortest path and union-find), in this order: {@code ?}, the
 * 64 names, the domain's question types, the numbers 0..{@code maxBound}, the domain's own tokens (the
 * labels of union-find), {@code !} (farther than the bound), {@code yes} and {@code no}. A subclass adds
 * its question builders and how a question reads.
 */
public abstract class GraphTokens {

    private final Vocabulary vocabulary;
    private final int firstName;
    private final int firstType;
    private final int firstNumber;
    private final int maxBound;
    private final int questionLength;
    private final int firstOwn;
    private final int beyond;
    private final int yes;
    private final int no;

    /**
     * @param questionLength a question's tokens: its type, a name, then the type's own
     * @param types the question types' symbols: {@link #type(int) type(i)} is the token of the i-th
     * @param own   the domain's own symbols after the numbers: {@link #own(int) own(i)} is the i-th
     */
    protected GraphTokens(int questionLength, int maxBound, String[] types, String[] own) {
        this.questionLength = questionLength;
        Vocabulary.Builder builder = Vocabulary.builder();
        firstName = builder.add(Names.all());
        firstType = builder.add(types);
        String[] numbers = new String[maxBound + 1];
        for (int n = 0; n <= maxBound; n++) {
            numbers[n] = Integer.toString(n);
        }
        firstNumber = builder.add(numbers);
        this.maxBound = maxBound;
        firstOwn = own.length == 0 ? -1 : builder.add(own);
        beyond = builder.add("!");
        yes = builder.add("yes");
        no = builder.add("no");
        vocabulary = builder.build();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A question's tokens: its type, a name, then the type's own (the bound last). */
    public int questionLength() {
        return questionLength;
    }

    /** The token of the i-th question type given to the constructor. */
    protected int type(int i) {
        return firstType + i;
    }

    /** The token of the i-th own symbol given to the constructor. */
    protected int own(int i) {
        return firstOwn + i;
    }

    /** The token of a name index (0..63). */
    public int name(int index) {
        return firstName + index;
    }

    /** The name index of a token, or -1. */
    public int nameIndex(int token) {
        return isName(token) ? token - firstName : -1;
    }

    public boolean isName(int token) {
        return token >= firstName && token < firstName + Names.COUNT;
    }

    /** The token of a number 0..maxBound. */
    public int number(int n) {
        return firstNumber + n;
    }

    /** The number a token stands for, or -1. */
    public int numberOf(int token) {
        return token >= firstNumber && token <= firstNumber + maxBound ? token - firstNumber : -1;
    }

    /** {@code !}: farther than the bound (or unreachable). */
    public int beyond() {
        return beyond;
    }

    public int yes() {
        return yes;
    }

    public int no() {
        return no;
    }

    /** The type token of a well-formed question (its length, a name second, the rest as its type wants), or -1. */
    public int type(Question question) {
        if (question.length() != questionLength || !isName(question.token(1))) {
            return -1;
        }
        int type = question.token(0);
        return wellFormed(type, question) ? type : -1;
    }

    /** Whether a question of the right length with a name second is one of the type's (false for no type). */
    protected abstract boolean wellFormed(int type, Question question);

    /** The question for people; a malformed one in its tokens. */
    public String describe(Question question) {
        int type = type(question);
        return type < 0 ? vocabulary.render(question.tokens()) : describe(type, question);
    }

    /**
     * A well-formed question for people.
     *
     * @param type the question's type token
     */
    protected abstract String describe(int type, Question question);

    /** A fact for people. */
    public abstract String describeFact(int[] fact);

    /** An answer for people. */
    public abstract String describeAnswer(int answer);
}
