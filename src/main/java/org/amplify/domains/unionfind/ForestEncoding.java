package org.amplify.domains.unionfind;

import org.amplify.domains.GraphTokens;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;

/**
 * The tokens of union-find: {@code ?}, the 64 names, the question types {@code V P D L E N}, the numbers
 * 0..{@value UnionFind#MAX_BOUND}, the labels {@code #1..#8}, {@code !} (farther than the bound),
 * {@code yes}, {@code no}. A fact is {@code x y} (an edge) or {@code x #l} (a label); a question
 * {@code type x arg} (see {@link UnionFind}); an answer one token.
 */
public final class ForestEncoding extends GraphTokens {

    final int labelType = type(0);
    final int nextType = type(1);
    final int depthType = type(2);
    final int givenType = type(3);
    final int edgeType = type(4);
    final int neighbourType = type(5);

    ForestEncoding() {
        super(3, UnionFind.MAX_BOUND, new String[] {"V", "P", "D", "L", "E", "N"}, labels());
    }

    private static String[] labels() {
        String[] labels = new String[UnionFind.LABELS];
        for (int l = 1; l <= UnionFind.LABELS; l++) {
            labels[l - 1] = "#" + l;
        }
        return labels;
    }

    /** {@code V x k}: the label of x's tree, if the labelled vertex is at most k away. */
    public Question label(int x, int k) {
        return new Question(labelType, x, number(k));
    }

    /** {@code P x k}: the next vertex from x toward the labelled one, if at most k away. */
    public Question next(int x, int k) {
        return new Question(nextType, x, number(k));
    }

    /** {@code D x k}: the distance from x to the labelled vertex, if at most k. */
    public Question depth(int x, int k) {
        return new Question(depthType, x, number(k));
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
        return new Question(neighbourType, x, number(i));
    }

    /** The token of a label 1..8. */
    public int labelToken(int label) {
        return own(label - 1);
    }

    boolean isLabel(int token) {
        return token >= own(0) && token < own(0) + UnionFind.LABELS;
    }

    /** {@code V P D N x k} with k ≥ 1, {@code L x ?}, {@code E x y}. */
    @Override
    protected boolean wellFormed(int type, Question question) {
        int arg = question.token(2);
        boolean bounded = numberOf(arg) >= 1;
        return (type == labelType || type == nextType || type == depthType || type == neighbourType) && bounded
                || type == givenType && arg == Vocabulary.UNKNOWN
                || type == edgeType && isName(arg);
    }

    @Override
    protected String describe(int type, Question question) {
        String x = vocabulary().symbol(question.token(1));
        String arg = vocabulary().symbol(question.token(2));
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

    @Override
    public String describeFact(int[] fact) {
        String x = vocabulary().symbol(fact[0]);
        return isLabel(fact[1]) ? x + " is labelled " + vocabulary().symbol(fact[1]) : x + " — " + vocabulary().symbol(fact[1]);
    }

    @Override
    public String describeAnswer(int answer) {
        return answer == beyond() ? "! (farther than the bound)" : vocabulary().symbol(answer);
    }
}
