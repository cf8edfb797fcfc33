package org.amplify.domains.shortestpath;

import org.amplify.domains.GraphTokens;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;

/**
 * The tokens of shortest path: {@code ?}, the 64 names, the question types {@code D S E N}, the numbers
 * 0..{@value ShortestPath#MAX_BOUND}, {@code !} (farther than the bound, or unreachable), {@code yes},
 * {@code no}. A fact is {@code x y} (an edge x→y); a question {@code type x y arg} (see {@link ShortestPath});
 * an answer one token.
 */
public final class GraphEncoding extends GraphTokens {

    final int distanceType = type(0);
    final int stepType = type(1);
    final int edgeType = type(2);
    final int neighbourType = type(3);

    GraphEncoding() {
        super(4, ShortestPath.MAX_BOUND, new String[] {"D", "S", "E", "N"}, new String[0]);
    }

    /** {@code D x y k} for name tokens x, y: the distance from x to y if at most k. */
    public Question distance(int x, int y, int k) {
        return new Question(distanceType, x, y, number(k));
    }

    /** {@code S x y k} for name tokens x, y: the first step from x toward y if at most k away. */
    public Question step(int x, int y, int k) {
        return new Question(stepType, x, y, number(k));
    }

    /** {@code E x y ?}: is there an edge x→y? */
    public Question edge(int x, int y) {
        return new Question(edgeType, x, y, Vocabulary.UNKNOWN);
    }

    /** {@code N x ? i}: the i-th out-neighbour of x in name order. */
    public Question neighbour(int x, int i) {
        return new Question(neighbourType, x, Vocabulary.UNKNOWN, number(i));
    }

    /** {@code D x y k} and {@code S x y k} with k ≥ 1, {@code E x y ?}, {@code N x ? i} with i ≥ 1. */
    @Override
    protected boolean wellFormed(int type, Question question) {
        int y = question.token(2);
        boolean bounded = numberOf(question.token(3)) >= 1;
        return (type == distanceType || type == stepType) && isName(y) && bounded
                || type == edgeType && isName(y) && question.token(3) == Vocabulary.UNKNOWN
                || type == neighbourType && y == Vocabulary.UNKNOWN && bounded;
    }

    @Override
    protected String describe(int type, Question question) {
        String x = vocabulary().symbol(question.token(1));
        String y = vocabulary().symbol(question.token(2));
        String arg = vocabulary().symbol(question.token(3));
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

    @Override
    public String describeFact(int[] fact) {
        return vocabulary().symbol(fact[0]) + " → " + vocabulary().symbol(fact[1]);
    }

    @Override
    public String describeAnswer(int answer) {
        return answer == beyond() ? "! (farther than the bound, or unreachable)" : vocabulary().symbol(answer);
    }
}
