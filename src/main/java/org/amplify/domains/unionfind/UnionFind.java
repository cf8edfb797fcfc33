package org.amplify.domains.unionfind;

import java.util.ArrayList;
import java.util.List;
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
 * Union-find (the paper's {@code EqualsTask}): a forest of N names in ⌊√N⌋ trees, one vertex of each
 * labelled with a distinct label #1..#8; the facts are the edges {@code x y} and the labels {@code x #l}.
 * A question is three tokens {@code type x arg}:
 * <ul>
 * <li>{@code V x k}: the label of x's tree, if its labelled vertex is at most k steps away, else {@code !};</li>
 * <li>{@code P x k}: the next vertex from x toward the labelled one (x itself if labelled), likewise;</li>
 * <li>{@code D x k}: the distance from x to the labelled vertex, likewise;</li>
 * <li>{@code L x ?}: the label given to x, or {@code no}; {@code E x y}: are x and y joined by an edge?
 * {@code N x i}: the i-th neighbour of x in name order, or {@code no} (all three primitive).</li>
 * </ul>
 * The bound k (1..{@value #MAX_BOUND}) makes H well-founded: the paper's H for the next vertex asks
 * the very question it answers as the model's guess, which is not smaller by any measure.
 *
 * <p>H: a labelled vertex is primitive. Else, for a label or a distance, ask the model's guess y for
 * the next vertex, check the edge x y, and ask y's label or distance within k - 1. For the next vertex,
 * ask each neighbour of x (primitive) and its distance within k - 1, and keep the nearest.
 */
@Component
public class UnionFind extends GraphDomain<ForestEncoding> {

    public static final String NAME = "union-find";
    public static final int MAX_BOUND = 16;
    public static final int LABELS = 8;
    /** The most neighbours of a vertex: H lists them all within its subquestions. */
    public static final int MAX_DEGREE = 7;

    public UnionFind() {
        super(NAME, "the label of a vertex's tree in a labelled forest of N vertices in √N trees",
                new ForestEncoding(), MAX_DEGREE);
    }

    @Override
    public Forest generate(int size, RandomGenerator random) {
        checkSize(size);
        int trees = (int) Math.sqrt(size);
        int[] vertices = java.util.Arrays.copyOf(Sampling.shuffledIndices(Names.COUNT, random), size);
        int[] labelOrder = Sampling.shuffledIndices(LABELS, random);
        List<List<Integer>> members = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            members.get(i < trees ? i : random.nextInt(trees)).add(vertices[i]);
        }
        List<int[]> labels = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            List<Integer> tree = members.get(t);
            labels.add(new int[] {tree.get(random.nextInt(tree.size())), labelOrder[t] + 1});
            for (int[] edge : Trees.random(tree.size(), MAX_DEGREE, random)) {
                edges.add(new int[] {tree.get(edge[0]), tree.get(edge[1])});
            }
        }
        return forest(vertices, edges.toArray(int[][]::new), labels.toArray(int[][]::new));
    }

    /** A forest with the given vertices, edges and {@code {vertex, label}} pairs, by name index. */
    public Forest forest(int[] vertices, int[][] edges, int[][] labels) {
        List<int[]> facts = new ArrayList<>();
        for (int[] label : labels) {
            facts.add(new int[] {encoding.name(label[0]), encoding.labelToken(label[1])});
        }
        for (int[] edge : edges) {
            facts.add(new int[] {encoding.name(edge[0]), encoding.name(edge[1])});
        }
        return forest(vertices, facts.toArray(int[][]::new));
    }

    /**
     * Any order of facts (a forest is not a sequence of unions: the facts are its edges and labels);
     * each {@code x y} (an edge between two names) or {@code x #l} (x labelled l). The edges make a
     * forest (no loop, no edge twice, no cycle) of vertices with at most {@value #MAX_DEGREE}
     * neighbours (H lists them all); each tree has exactly one labelled vertex, each label is used
     * once; the N names the facts mention, 8 to 64 of them, make ⌊√N⌋ trees.
     */
    @Override
    public Forest contextOf(int[][] pasted) {
        return new PastedForest(this).parse(pasted);
    }

    /** The forest of edge and label facts on the given vertices: what generating and pasting share. */
    Forest forest(int[] vertices, int[][] facts) {
        List<int[]> edges = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (int[] fact : facts) {
            int x = encoding.nameIndex(fact[0]);
            if (encoding.isLabel(fact[1])) {
                labels.add(new int[] {x, fact[1] - encoding.labelToken(1) + 1});
            } else {
                edges.add(new int[] {x, encoding.nameIndex(fact[1])});
            }
        }
        return Forest.of(vertices, edges.toArray(int[][]::new), labels.toArray(int[][]::new), facts);
    }

    /** Half the time a vertex exactly k away from its labelled one, if any, else a uniform vertex. */
    @Override
    public Question randomQuestion(Context context, int level, RandomGenerator random) {
        checkLevel(level);
        Forest forest = (Forest) context;
        int k = BoundLevels.randomBound(level, random);
        int[] types = {encoding.labelType, encoding.nextType, encoding.depthType};
        int type = types[random.nextInt(types.length)];
        int[] vertices = forest.vertices();
        int x = vertices[random.nextInt(vertices.length)];
        if (random.nextBoolean()) {
            int[] frontier = java.util.Arrays.stream(vertices).filter(v -> forest.depth()[v] == k).toArray();
            if (frontier.length > 0) {
                x = frontier[random.nextInt(frontier.length)];
            }
        }
        return new Question(type, encoding.name(x), encoding.number(k));
    }

    @Override
    public boolean isPrimitive(Question question) {
        int type = question.length() == 3 ? question.token(0) : -1;
        return type == encoding.givenType || type == encoding.edgeType || type == encoding.neighbourType;
    }

    @Override
    public int solve(Context context, Question question) {
        int type = encoding.type(question);
        Forest forest = (Forest) context;
        int x = question.length() == 3 ? encoding.nameIndex(question.token(1)) : -1;
        if (type < 0 || !forest.has(x)) {
            return Vocabulary.UNKNOWN;
        }
        int arg = question.token(2);
        if (type == encoding.givenType) {
            return forest.givenLabel()[x] > 0 ? encoding.labelToken(forest.givenLabel()[x]) : no;
        }
        if (type == encoding.edgeType) {
            int y = encoding.nameIndex(arg);
            return forest.has(y) ? (forest.adjacent(x, y) ? yes : no) : Vocabulary.UNKNOWN;
        }
        if (type == encoding.neighbourType) {
            int[] neighbours = forest.neighbours()[x];
            int i = encoding.numberOf(arg);
            return i <= neighbours.length ? encoding.name(neighbours[i - 1]) : no;
        }
        int depth = forest.depth()[x];
        if (depth > encoding.numberOf(arg)) {
            return beyond;
        }
        if (type == encoding.labelType) {
            return encoding.labelToken(forest.componentLabel()[x]);
        }
        return type == encoding.depthType ? encoding.number(depth) : encoding.name(forest.parent()[x]);
    }

    @Override
    protected int decompose(int type, Question question, ReplayedExpert replay) {
        int x = question.token(1);
        int k = encoding.numberOf(question.token(2));
        int own = replay.ask(encoding.given(x));
        if (encoding.isLabel(own)) {
            return type == encoding.labelType ? own : type == encoding.depthType ? encoding.number(0) : x;
        }
        if (own != no) {
            return Vocabulary.UNKNOWN;
        }
        if (type == encoding.nextType) {
            return nearestNeighbour(x, k, replay);
        }
        int y = replay.ask(encoding.next(x, k));
        if (y == beyond) {
            return beyond;
        }
        if (!encoding.isName(y) || replay.ask(encoding.edge(x, y)) != yes) {
            return Vocabulary.UNKNOWN;
        }
        if (k == 1) { // y must be the labelled vertex: read its label
            int label = replay.ask(encoding.given(y));
            if (encoding.isLabel(label)) {
                return type == encoding.labelType ? label : encoding.number(1);
            }
            return label == no ? beyond : Vocabulary.UNKNOWN;
        }
        if (type == encoding.labelType) {
            int label = replay.ask(encoding.label(y, k - 1));
            return label == beyond || encoding.isLabel(label) ? label : Vocabulary.UNKNOWN;
        }
        int rest = remaining(y, k - 1, replay);
        return rest == BEYOND ? beyond : rest == INVALID ? Vocabulary.UNKNOWN : encoding.number(rest + 1);
    }

    /** x is not labelled: its neighbour nearest to the labelled vertex within k - 1. */
    private int nearestNeighbour(int x, int k, ReplayedExpert replay) {
        int best = beyond;
        int bestDepth = Integer.MAX_VALUE;
        int previous = -1;
        for (int i = 1; i <= MAX_DEGREE && bestDepth > 0; i++) {
            int y = replay.ask(encoding.neighbour(x, i));
            if (!encoding.isName(y) || y <= previous) {
                break; // no more neighbours
            }
            previous = y;
            int d = remaining(y, k - 1, replay);
            if (d >= 0 && d < bestDepth) {
                best = y;
                bestDepth = d;
            }
        }
        return best;
    }

    /** y's distance to the labelled vertex if at most the bound (its label fact for 0), BEYOND, or INVALID. */
    private int remaining(int y, int bound, ReplayedExpert replay) {
        if (bound == 0) {
            int label = replay.ask(encoding.given(y));
            return encoding.isLabel(label) ? 0 : label == no ? BEYOND : INVALID;
        }
        int d = replay.ask(encoding.depth(y, bound));
        if (d == beyond) {
            return BEYOND;
        }
        int n = encoding.numberOf(d);
        return n >= 0 && n <= bound ? n : INVALID;
    }

    /** 3k for the next vertex, 3k + 1 for a distance, 3k + 2 for a label. */
    @Override
    public int measure(Context context, Question question) {
        int type = encoding.type(question);
        int rank = type == encoding.nextType ? 0 : type == encoding.depthType ? 1 : type == encoding.labelType ? 2 : -1;
        return rank < 0 ? 0 : 3 * encoding.numberOf(question.token(2)) + rank;
    }

    @Override
    public String kind(Question question) {
        int type = encoding.type(question);
        if (type < 0) {
            return "malformed";
        }
        if (isPrimitive(question)) {
            return type == encoding.givenType ? "given label" : type == encoding.edgeType ? "edge" : "neighbour";
        }
        String kind = type == encoding.labelType ? "label" : type == encoding.nextType ? "next" : "distance";
        return kind + " k " + BoundLevels.range(level(question));
    }
}
