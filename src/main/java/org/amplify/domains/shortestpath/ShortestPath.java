package org.amplify.domains.shortestpath;

import java.util.random.RandomGenerator;
import org.amplify.domains.BoundLevels;
import org.amplify.domains.Context;
import org.amplify.domains.GraphDomain;
import org.amplify.domains.Names;
import org.amplify.domains.Question;
import org.amplify.domains.ReplayedExpert;
import org.amplify.domains.Sampling;
import org.amplify.domains.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * Shortest path (the paper's {@code GraphTask}): a directed graph of N names and 2N random edges, one
 * fact {@code x y} each. A question is four tokens {@code type x y arg}:
 * <ul>
 * <li>{@code D x y k}: the distance from x to y if it is at most k, else {@code !};</li>
 * <li>{@code S x y k}: the first step of a shortest path from x to y (the least in name order) if the
 * distance is at most k, else {@code !};</li>
 * <li>{@code E x y ?}: is there an edge x→y? ({@code yes}/{@code no}, primitive);</li>
 * <li>{@code N x ? i}: the i-th out-neighbour of x in name order, or {@code no} (primitive).</li>
 * </ul>
 * The bound k (1..{@value #MAX_BOUND}) makes H's decomposition well-founded: the paper's H for a step
 * asks the very question it answers as the model's guess, which is not smaller by any measure.
 *
 * <p>H: an edge x→y is primitive. Else, for a distance, ask the model's guess c for the first step,
 * check x→c with an edge fact, ask c's distance to y within k-1 and add one ({@code !} when the guess
 * is {@code !}). For a step, ask each out-neighbour c of x (primitive) and its distance to y within
 * k-1, and keep the nearest.
 */
@Component
public class ShortestPath extends GraphDomain<GraphEncoding> {

    public static final String NAME = "shortest-path";
    /** The largest bound a question carries. */
    public static final int MAX_BOUND = 16;
    /** The most distinct out-neighbours of a vertex: H lists them all within its subquestions. */
    public static final int MAX_OUT_DEGREE = 7;

    public ShortestPath() {
        super(NAME, "distances and first steps of shortest paths in a directed graph of N vertices and 2N edges",
                new GraphEncoding(), MAX_OUT_DEGREE);
    }

    @Override
    public Graph generate(int size, RandomGenerator random) {
        checkSize(size);
        int[] names = Sampling.shuffledIndices(Names.COUNT, random);
        int[] vertices = java.util.Arrays.copyOf(names, size);
        boolean[][] edge = new boolean[Names.COUNT][Names.COUNT];
        int[] outDegree = new int[Names.COUNT];
        int[][] facts = new int[2 * size][];
        for (int e = 0; e < facts.length; ) {
            int x = vertices[random.nextInt(size)];
            int y = vertices[random.nextInt(size)];
            if (!edge[x][y]) {
                if (outDegree[x] == MAX_OUT_DEGREE) {
                    continue; // the paper draws edges with replacement; we also cap distinct out-neighbours
                }
                edge[x][y] = true;
                outDegree[x]++;
            }
            facts[e++] = new int[] {encoding.name(x), encoding.name(y)};
        }
        return graph(size, vertices, facts);
    }

    /**
     * Any order of facts; each {@code x y} (an edge x→y) two names, duplicates and self-loops allowed as
     * in the paper; at most {@value #MAX_OUT_DEGREE} distinct out-neighbours a vertex (H lists them all);
     * 2N facts for N from 8 to 64, mentioning at most N names. The vertices are the names the facts
     * mention: a vertex without edges has no fact, so a question about it is answered {@code ?}.
     */
    @Override
    public Graph contextOf(int[][] pasted) {
        return new PastedGraph(this).parse(pasted);
    }

    /** A graph with the given vertices and edges x→y ({@code {x, y}} pairs), by name index: for tests and people. */
    public Graph graph(int[] vertices, int[][] edges) {
        int[][] facts = new int[edges.length][];
        for (int e = 0; e < edges.length; e++) {
            facts[e] = new int[] {encoding.name(edges[e][0]), encoding.name(edges[e][1])};
        }
        return graph(vertices.length, vertices, facts);
    }

    /** The graph of edge facts between the given vertices: what generating and pasting share. */
    Graph graph(int size, int[] vertices, int[][] facts) {
        int[][] edges = new int[facts.length][];
        for (int e = 0; e < facts.length; e++) {
            edges[e] = new int[] {encoding.nameIndex(facts[e][0]), encoding.nameIndex(facts[e][1])};
        }
        return Graph.of(size, vertices, edges, facts, MAX_BOUND);
    }

    /**
     * Half the time a pair exactly k apart (where the bound matters most), else a uniform pair; a
     * distance or a step question with equal odds.
     */
    @Override
    public Question randomQuestion(Context context, int level, RandomGenerator random) {
        checkLevel(level);
        Graph graph = (Graph) context;
        int k = BoundLevels.randomBound(level, random);
        int type = random.nextBoolean() ? encoding.distanceType : encoding.stepType;
        int[] vertices = graph.vertices();
        int x = vertices[random.nextInt(vertices.length)];
        int y = vertices[random.nextInt(vertices.length)];
        int[] frontier = graph.pairsAt()[k];
        if (random.nextBoolean() && frontier.length > 0) {
            int pair = frontier[random.nextInt(frontier.length)];
            x = pair / Names.COUNT;
            y = pair % Names.COUNT;
        }
        return new Question(type, encoding.name(x), encoding.name(y), encoding.number(k));
    }

    @Override
    public boolean isPrimitive(Question question) {
        int type = question.length() == 4 ? question.token(0) : -1;
        return type == encoding.edgeType || type == encoding.neighbourType;
    }

    @Override
    public int solve(Context context, Question question) {
        int type = encoding.type(question);
        Graph graph = (Graph) context;
        int x = question.length() == 4 ? encoding.nameIndex(question.token(1)) : -1;
        if (type < 0 || !graph.has(x)) {
            return Vocabulary.UNKNOWN;
        }
        if (type == encoding.neighbourType) {
            int[] out = graph.out()[x];
            int i = encoding.numberOf(question.token(3));
            return i <= out.length ? encoding.name(out[i - 1]) : no;
        }
        int y = encoding.nameIndex(question.token(2));
        if (!graph.has(y)) {
            return Vocabulary.UNKNOWN;
        }
        if (type == encoding.edgeType) {
            return graph.hasEdge(x, y) ? yes : no;
        }
        int d = graph.distance()[x][y];
        if (d > encoding.numberOf(question.token(3))) {
            return beyond;
        }
        return type == encoding.distanceType ? encoding.number(d) : encoding.name(graph.step(x, y));
    }

    @Override
    protected int decompose(int type, Question question, ReplayedExpert replay) {
        int x = question.token(1);
        int y = question.token(2);
        int k = encoding.numberOf(question.token(3));
        int edge = replay.ask(encoding.edge(x, y));
        if (edge == yes) {
            return type == encoding.distanceType ? encoding.number(1) : y;
        }
        if (edge != no) {
            return Vocabulary.UNKNOWN;
        }
        if (k == 1) {
            return beyond;
        }
        return type == encoding.distanceType ? distanceThroughGuess(x, y, k, replay)
                : nearestNeighbour(x, y, k, replay);
    }

    /** No edge x→y: the model guesses the first step c; check x→c, then 1 + d(c, y) within k - 1. */
    private int distanceThroughGuess(int x, int y, int k, ReplayedExpert replay) {
        int c = replay.ask(encoding.step(x, y, k));
        if (c == beyond) {
            return beyond;
        }
        if (!encoding.isName(c) || replay.ask(encoding.edge(x, c)) != yes) {
            return Vocabulary.UNKNOWN;
        }
        int rest = remaining(c, y, k - 1, replay);
        return rest == BEYOND ? beyond : rest == INVALID ? Vocabulary.UNKNOWN : encoding.number(rest + 1);
    }

    /** No edge x→y: the out-neighbour of x nearest to y within k - 1 (the first in name order on a tie). */
    private int nearestNeighbour(int x, int y, int k, ReplayedExpert replay) {
        int best = beyond;
        int bestDistance = Integer.MAX_VALUE;
        int previous = -1;
        for (int i = 1; i <= MAX_OUT_DEGREE && bestDistance > 1; i++) {
            int c = replay.ask(encoding.neighbour(x, i));
            if (!encoding.isName(c) || c <= previous) {
                break; // no more out-neighbours
            }
            previous = c;
            int d = remaining(c, y, k - 1, replay);
            if (d > 0 && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** d(c, y) if at most the bound (an edge fact for bound 1, else the model), BEYOND, or INVALID. */
    private int remaining(int c, int y, int bound, ReplayedExpert replay) {
        if (bound == 1) {
            int edge = replay.ask(encoding.edge(c, y));
            return edge == yes ? 1 : edge == no ? BEYOND : INVALID;
        }
        int d = replay.ask(encoding.distance(c, y, bound));
        if (d == beyond) {
            return BEYOND;
        }
        int n = encoding.numberOf(d);
        return n >= 1 && n <= bound ? n : INVALID;
    }

    /** 2k for a step, 2k + 1 for a distance: H asks a step within k, or questions within k - 1. */
    @Override
    public int measure(Context context, Question question) {
        int type = encoding.type(question);
        if (type != encoding.distanceType && type != encoding.stepType) {
            return 0;
        }
        return 2 * encoding.numberOf(question.token(3)) + (type == encoding.distanceType ? 1 : 0);
    }

    @Override
    public String kind(Question question) {
        int type = encoding.type(question);
        if (type == encoding.edgeType) {
            return "edge";
        }
        if (type == encoding.neighbourType) {
            return "out-neighbour";
        }
        if (type < 0) {
            return "malformed";
        }
        return (type == encoding.distanceType ? "distance" : "step") + " k " + BoundLevels.range(level(question));
    }
}
