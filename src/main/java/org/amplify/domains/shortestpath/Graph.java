package org.amplify.domains.shortestpath;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.amplify.domains.Context;
import org.amplify.domains.Names;
import org.amplify.domains.Neighbours;

/**
 * A directed graph context: its facts (one edge {@code x y} each, duplicates and self-loops allowed as
 * in the paper), and what the domain needs to answer fast, by name index: the distinct out-neighbours
 * in name order ({@code null} for a name that is not a vertex) and the shortest-path distances.
 *
 * <p>A distance is the length of the shortest <em>non-empty</em> path, as in the paper's Floyd-Warshall:
 * d(x, x) is the length of the shortest cycle through x. {@link #UNREACHABLE} when there is none.
 */
public record Graph(int size, int[][] facts, int[] vertices, int[][] out, int[][] distance, int[][] pairsAt)
        implements Context {

    public static final int UNREACHABLE = Integer.MAX_VALUE;

    /**
     * @param size     the size N (the number of vertices of a generated graph; a pasted one may mention fewer)
     * @param vertices the names (indices of {@link Names}) of the vertices
     * @param edges    the edges as name-index pairs {@code {x, y}} for x→y
     * @param facts    the edges as token tuples, in the same order
     * @param maxBound distances up to this are indexed in {@link #pairsAt()}
     */
    static Graph of(int size, int[] vertices, int[][] edges, int[][] facts, int maxBound) {
        int[][] out = Neighbours.sorted(vertices, edges, false);
        int[][] distance = new int[Names.COUNT][];
        int[] counts = new int[maxBound + 1];
        for (int x : vertices) {
            distance[x] = breadthFirst(x, out);
            for (int y : vertices) {
                if (distance[x][y] <= maxBound) {
                    counts[distance[x][y]]++;
                }
            }
        }
        int[][] pairsAt = new int[maxBound + 1][];
        for (int d = 0; d <= maxBound; d++) {
            pairsAt[d] = new int[counts[d]];
        }
        int[] filled = new int[maxBound + 1];
        for (int x : vertices) {
            for (int y : vertices) {
                int d = distance[x][y];
                if (d <= maxBound) {
                    pairsAt[d][filled[d]++] = x * Names.COUNT + y;
                }
            }
        }
        return new Graph(size, facts, vertices.clone(), out, distance, pairsAt);
    }

    private static int[] breadthFirst(int from, int[][] out) {
        int[] distance = new int[Names.COUNT];
        Arrays.fill(distance, UNREACHABLE);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int next : out[from]) {
            distance[next] = 1;
            queue.add(next);
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int next : out[v]) {
                if (distance[next] == UNREACHABLE) {
                    distance[next] = distance[v] + 1;
                    queue.add(next);
                }
            }
        }
        return distance;
    }

    public boolean has(int name) {
        return name >= 0 && name < Names.COUNT && out[name] != null;
    }

    public boolean hasEdge(int x, int y) {
        return Arrays.binarySearch(out[x], y) >= 0;
    }

    /**
     * The first step of the shortest path from x to y that is least in name order, vertex by vertex
     * (the paper's choice: the first out-neighbour in name order that is one step closer to y);
     * -1 when y is unreachable.
     */
    public int step(int x, int y) {
        int d = distance[x][y];
        if (d == UNREACHABLE) {
            return -1;
        }
        if (d == 1) {
            return y;
        }
        for (int c : out[x]) {
            if (distance[c][y] == d - 1) {
                return c;
            }
        }
        throw new IllegalStateException("no step from a vertex at distance " + d);
    }
}
