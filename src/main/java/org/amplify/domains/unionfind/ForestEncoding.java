package org.amplify.domains.unionfind;

import org.amplify.domains.Names;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;

/**
 * The tokens of union-find: {@code ?}, the 64 names, the question types {@code V P D L E N}, the numbers
 * 0..{@value UnionFind#MAX_BOUND}, the labels {@code #1..#8}, {@code !} (farther than the bound),
 * {@code yes}, {@code no}. A fact is {@code x y} (an edge) or {@code x #l} (a label); a question
 * {@code type x arg} (see {@link UnionFind}); an answer one token.
 */
public final class ForestEncoding {

    private final Vocabulary vocabulary;
    private final int firstName;
    final int labelType;
    final int nextType;
    final int depthType;
    final int givenType;
    final int edgeType;
    final int neighbourType;
    private final int firstNumber;
    private final int firstLabel;
    final int beyond;
    final int yes;
    final int no;

    ForestEncoding() {
        Vocabulary.Builder builder = Vocabulary.builder();
        firstName = builder.add(Names.all());
        labelType = builder.add("V");
        nextType = builder.add("P");
        depthType = builder.add("D");
        givenType = builder.add("L");
        edgeType = builder.add("E");
        neighbourType = builder.add("N");
        String[] numbers = new String[UnionFind.MAX_BOUND + 1];
        for (int n = 0; n <= UnionFind.MAX_BOUND; n++) {
            numbers[n] = Integer.toString(n);
        }
        firstNumber = builder.add(numbers);
        String[] labels = new String[UnionFind.LABELS];
        for (int l = 1; l <= UnionFind.LABELS; l++) {
            labels[l - 1] = "#" + l;
        }
        firstLabel = builder.add(labels);
        beyond = builder.add("!");
        yes = builder.add("yes");
        no = builder.add("no");
        vocabulary = builder.build();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** {@code V x k}: the label of x's tree, if the labelled vertex is at most k away. */
    public Question label(int x, int k) {
        return new Question(labelType, x, firstNumber + k);
    }

    /** {@code P x k}: the next vertex from x toward the labelled one, if at most k away. */
    public Question next(int x, int k) {
        return new Question(nextType, x, firstNumber + k);
    }

    /** {@code D x k}: the distance from x to the labelled vertex, if at most k. */
    public Question depth(int x, int k) {
        return new Question(depthType, x, firstNumber + k);
    }

    /** {@code L x ?}: the label given to x, or {@code no}. */
    public Question given(int x) {
        return new Question(givenType, x, Vocabulary.UNKNOWN);
    }

    /** {@code E x y}: are x and y joined by an edge? */
    public Question edge(int x, int y) {
        return new Question(edgeType, x, y);
    }

    /** {@code N x i}: the i-th neighbour of x in name order, or {@code no}. */
    public Question neighbour(int x, int i) {
        return new Question(neighbourType, x, firstNumber + i);
    }

    /** The token of a name index (0..63). */
    public int name(int index) {
        return firstName + index;
    }

    /** The name index of a token, or -1. */
    int nameIndex(int token) {
        return isName(token) ? token - firstName : -1;
    }

    /** The token of a number 0..{@value UnionFind#MAX_BOUND}. */
    public int number(int n) {
        return firstNumber + n;
    }

    /** The number a token stands for, or -1. */
    int numberOf(int token) {
        return token >= firstNumber && token <= firstNumber + UnionFind.MAX_BOUND ? token - firstNumber : -1;
    }

    /** The token of a label 1..8. */
    public int labelToken(int label) {
        return firstLabel + label - 1;
    }

    public int beyond() {
        return beyond;
    }

    boolean isName(int token) {
        return token >= firstName && token < firstName + Names.COUNT;
    }

    boolean isLabel(int token) {
        return token >= firstLabel && token < firstLabel + UnionFind.LABELS;
    }

    /** The type token of a well-formed question, or -1. */
    int type(Question question) {
        if (question.length() != 3 || !isName(question.token(1))) {
            return -1;
        }
        int type = question.token(0);
        int arg = question.token(2);
        boolean bounded = numberOf(arg) >= 1;
        if ((type == labelType || type == nextType || type == depthType || type == neighbourType) && bounded) {
            return type;
        }
        if ((type == givenType && arg == Vocabulary.UNKNOWN) || (type == edgeType && isName(arg))) {
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
        String arg = vocabulary.symbol(question.token(2));
        String within = ", if at most " + arg + " away";
        if (type == labelType) {
            return "label of " + x + "'s tree" + within;
        }
        if (type == nextType) {
            return "next vertex from " + x + " toward the labelled one" + within;
        }
        if (type == depthType) {
            return "distance from " + x + " to the labelled vertex" + within;
        }
        if (type == givenType) {
            return "label given to " + x + "?";
        }
        return type == edgeType ? "edge " + x + " — " + arg + "?" : "neighbour " + arg + " of " + x;
    }

    String describeFact(int[] fact) {
        String x = vocabulary.symbol(fact[0]);
        return isLabel(fact[1]) ? x + " is labelled " + vocabulary.symbol(fact[1]) : x + " — " + vocabulary.symbol(fact[1]);
    }

    String describeAnswer(int answer) {
        return answer == beyond ? "! (farther than the bound)" : vocabulary.symbol(answer);
    }
}
