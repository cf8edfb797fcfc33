package org.amplify.domains.shortestpath;

import org.amplify.domains.Names;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;

/**
 * The tokens of shortest path: {@code ?}, the 64 names, the question types {@code D S E N}, the numbers
 * 0..{@value ShortestPath#MAX_BOUND}, {@code !} (farther than the bound, or unreachable), {@code yes},
 * {@code no}. A fact is {@code x y} (an edge x→y); a question {@code type x y arg} (see {@link ShortestPath});
 * an answer one token.
 */
public final class GraphEncoding {

    private final Vocabulary vocabulary;
    private final int firstName;
    final int distanceType;
    final int stepType;
    final int edgeType;
    final int neighbourType;
    private final int firstNumber;
    final int beyond;
    final int yes;
    final int no;

    GraphEncoding() {
        Vocabulary.Builder builder = Vocabulary.builder();
        firstName = builder.add(Names.all());
        distanceType = builder.add("D");
        stepType = builder.add("S");
        edgeType = builder.add("E");
        neighbourType = builder.add("N");
        String[] numbers = new String[ShortestPath.MAX_BOUND + 1];
        for (int n = 0; n <= ShortestPath.MAX_BOUND; n++) {
            numbers[n] = Integer.toString(n);
        }
        firstNumber = builder.add(numbers);
        beyond = builder.add("!");
        yes = builder.add("yes");
        no = builder.add("no");
        vocabulary = builder.build();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** {@code D x y k} for name tokens x, y: the distance from x to y if at most k. */
    public Question distance(int x, int y, int k) {
        return new Question(distanceType, x, y, firstNumber + k);
    }

    /** {@code S x y k} for name tokens x, y: the first step from x toward y if at most k away. */
    public Question step(int x, int y, int k) {
        return new Question(stepType, x, y, firstNumber + k);
    }

    /** {@code E x y ?}: is there an edge x→y? */
    public Question edge(int x, int y) {
        return new Question(edgeType, x, y, Vocabulary.UNKNOWN);
    }

    /** {@code N x ? i}: the i-th out-neighbour of x in name order. */
    public Question neighbour(int x, int i) {
        return new Question(neighbourType, x, Vocabulary.UNKNOWN, firstNumber + i);
    }

    /** The token of a name index (0..63). */
    public int name(int index) {
        return firstName + index;
    }

    /** The name index of a token, or -1. */
    int nameIndex(int token) {
        return isName(token) ? token - firstName : -1;
    }

    /** The token of a number 0..{@value ShortestPath#MAX_BOUND}. */
    public int number(int n) {
        return firstNumber + n;
    }

    /** The number a token stands for, or -1. */
    int numberOf(int token) {
        return token >= firstNumber && token <= firstNumber + ShortestPath.MAX_BOUND ? token - firstNumber : -1;
    }

    public int beyond() {
        return beyond;
    }

    boolean isName(int token) {
        return token >= firstName && token < firstName + Names.COUNT;
    }

    /** The type token of a well-formed question, or -1. */
    int type(Question question) {
        if (question.length() != 4 || !isName(question.token(1))) {
            return -1;
        }
        int type = question.token(0);
        int y = question.token(2);
        int n = numberOf(question.token(3));
        boolean bounded = n >= 1;
        if ((type == distanceType || type == stepType) && isName(y) && bounded) {
            return type;
        }
        if (type == edgeType && isName(y) && question.token(3) == Vocabulary.UNKNOWN) {
            return type;
        }
        if (type == neighbourType && y == Vocabulary.UNKNOWN && bounded) {
            return type;
        }
        return -1;
    }

    String describe(Question question) {
        int type = type(question);
        if (type < 0) {
            return vocabulary.render(question.tokens());
        }
        String x = vocabulary.symbol(question.token(1));
        String y = vocabulary.symbol(question.token(2));
        String arg = vocabulary.symbol(question.token(3));
        if (type == distanceType) {
            return "distance " + x + " → " + y + ", if at most " + arg;
        }
        if (type == stepType) {
            return "first step " + x + " → " + y + ", if at most " + arg + " away";
        }
        if (type == edgeType) {
            return "edge " + x + " → " + y + "?";
        }
        return "out-neighbour " + arg + " of " + x;
    }

    String describeFact(int[] fact) {
        return vocabulary.symbol(fact[0]) + " → " + vocabulary.symbol(fact[1]);
    }

    String describeAnswer(int answer) {
        return answer == beyond ? "! (farther than the bound, or unreachable)" : vocabulary.symbol(answer);
    }
}
