package org.amplify.domains.unionfind;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Random trees on 0..n-1 with bounded degree. */
final class Trees {

    private static final int ATTEMPTS = 100;

    private Trees() {}

    /**
     * The paper's random tree: split [0, n) at a random point, join a random vertex of the left part to
     * one of the right part, and recurse on both parts; drawn again while a vertex has more than
     * maxDegree neighbours (after 100 draws, a random recursive tree that respects the bound).
     */
    static List<int[]> random(int n, int maxDegree, RandomGenerator random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<int[]> edges = new ArrayList<>(n);
            split(0, n, random, edges);
            int[] degree = new int[n];
            boolean bounded = true;
            for (int[] edge : edges) {
                bounded &= ++degree[edge[0]] <= maxDegree & ++degree[edge[1]] <= maxDegree;
            }
            if (bounded) {
                return edges;
            }
        }
        List<int[]> edges = new ArrayList<>(n);
        int[] degree = new int[n];
        for (int v = 1; v < n; v++) {
            int u = random.nextInt(v);
            while (degree[u] >= maxDegree) { // a tree has a leaf, so this ends
                u = random.nextInt(v);
            }
            degree[u]++;
            degree[v]++;
            edges.add(new int[] {u, v});
        }
        return edges;
    }

    private static void split(int from, int to, RandomGenerator random, List<int[]> edges) {
        if (to - from < 2) {
            return;
        }
        int middle = from + 1 + random.nextInt(to - from - 1);
        edges.add(new int[] {from + random.nextInt(middle - from), middle + random.nextInt(to - middle)});
        split(from, middle, random, edges);
        split(middle, to, random, edges);
    }
}
