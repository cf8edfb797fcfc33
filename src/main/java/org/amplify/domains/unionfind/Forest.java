package org.amplify.domains.unionfind;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.amplify.domains.Context;
import org.amplify.domains.Names;
import org.amplify.domains.Neighbours;

/**
 * A forest context: its facts (an edge {@code x y} each, and {@code x #l} for each labelled vertex), and
 * by name index what the domain needs to answer fast: the neighbours in name order ({@code null} for a
 * name that is not a vertex), the given label (0 for none), the label of the component, the distance
 * to the component's labelled vertex, and the next vertex toward it (itself for the labelled one).
 */
public record Forest(int size, int[][] facts, int[] vertices, int[][] neighbours, int[] givenLabel,
        int[] componentLabel, int[] depth, int[] parent) implements Context {

    /**
     * @param vertices the names of the vertices
     * @param edges    undirected edges as name-index pairs
     * @param labels   {@code {vertex, label}} pairs, one per component, labels 1..8
     * @param facts    the facts as token tuples
     * @throws IllegalArgumentException if the edges do not make a forest with one label per tree
     */
    static Forest of(int[] vertices, int[][] edges, int[][] labels, int[][] facts) {
        int[][] neighbours = Neighbours.sorted(vertices, edges, true);
        int[] givenLabel = new int[Names.COUNT];
        int[] componentLabel = new int[Names.COUNT];
        int[] depth = new int[Names.COUNT];
        int[] parent = new int[Names.COUNT];
        Arrays.fill(depth, -1);
        for (int[] label : labels) {
            int root = label[0];
            givenLabel[root] = label[1];
            if (depth[root] >= 0) {
                throw new IllegalArgumentException("two labels in one component");
            }
            depth[root] = 0;
            parent[root] = root;
            componentLabel[root] = label[1];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int next : neighbours[v]) {
                    if (next == parent[v] && v != root) {
                        continue;
                    }
                    if (depth[next] >= 0) {
                        throw new IllegalArgumentException("not a forest with one label per tree");
                    }
                    depth[next] = depth[v] + 1;
                    parent[next] = v;
                    componentLabel[next] = label[1];
                    queue.add(next);
                }
            }
        }
        for (int v : vertices) {
            if (depth[v] < 0) {
                throw new IllegalArgumentException("a component without a label");
            }
        }
        return new Forest(vertices.length, facts, vertices.clone(), neighbours, givenLabel, componentLabel, depth,
                parent);
    }

    public boolean has(int name) {
        return name >= 0 && name < Names.COUNT && neighbours[name] != null;
    }

    public boolean adjacent(int x, int y) {
        return Arrays.binarySearch(neighbours[x], y) >= 0;
    }
}
