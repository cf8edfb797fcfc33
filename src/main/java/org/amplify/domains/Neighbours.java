package org.amplify.domains;

import java.util.TreeSet;

/** The neighbour lists of a graph on names, for the graph domains (shortest path and union-find). */
public final class Neighbours {

    private Neighbours() {
    }

    /**
     * For each vertex its distinct neighbours in name order, indexed by name index (null for a name that
     * is not a vertex).
     *
     * @param edges    {@code {x, y}} name-index pairs: y is a neighbour of x
     * @param bothWays whether x is a neighbour of y too (undirected edges)
     */
    public static int[][] sorted(int[] vertices, int[][] edges, boolean bothWays) {
        @SuppressWarnings("unchecked")
        TreeSet<Integer>[] sets = new TreeSet[Names.COUNT];
        for (int v : vertices) {
            sets[v] = new TreeSet<>();
        }
        for (int[] edge : edges) {
            sets[edge[0]].add(edge[1]);
            if (bothWays) {
                sets[edge[1]].add(edge[0]);
            }
        }
        int[][] neighbours = new int[Names.COUNT][];
        for (int v : vertices) {
            neighbours[v] = sets[v].stream().mapToInt(Integer::intValue).toArray();
        }
        return neighbours;
    }
}
