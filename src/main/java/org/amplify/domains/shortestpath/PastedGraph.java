package org.amplify.domains.shortestpath;

import org.amplify.domains.Names;
import org.amplify.domains.PastedFacts;

/**
 * A graph pasted as facts, checked: each fact an edge x→y between names, at most
 * {@value ShortestPath#MAX_OUT_DEGREE} distinct out-neighbours a vertex, 2N edges for the N vertices
 * they mention. Each refusal names the line it is about.
 */
final class PastedGraph {

    private final ShortestPath domain;
    private final GraphEncoding encoding;

    PastedGraph(ShortestPath domain) {
        this.domain = domain;
        this.encoding = domain.encoding();
    }

    Graph parse(int[][] pasted) {
        int[][] facts = PastedFacts.checkedCopy(domain, pasted);
        boolean[][] edge = new boolean[Names.COUNT][Names.COUNT];
        int[] outDegree = new int[Names.COUNT];
        boolean[] mentioned = new boolean[Names.COUNT];
        int[] vertices = new int[Names.COUNT];
        int count = 0;
        int size = facts.length / 2;
        for (int i = 0; i < facts.length; i++) {
            for (int j = 0; j < 2; j++) {
                if (!encoding.isName(facts[i][j])) {
                    throw PastedFacts.refuse(domain, facts, i, "token " + (j + 1) + " must be a name (aa to hh), not "
                            + domain.vocabulary().symbol(facts[i][j]));
                }
            }
            int x = encoding.nameIndex(facts[i][0]);
            int y = encoding.nameIndex(facts[i][1]);
            if (!edge[x][y]) {
                if (outDegree[x] == ShortestPath.MAX_OUT_DEGREE) {
                    throw PastedFacts.refuse(domain, facts, i, "a vertex has at most " + ShortestPath.MAX_OUT_DEGREE
                            + " distinct out-neighbours, and this is the " + (ShortestPath.MAX_OUT_DEGREE + 1) + "th of "
                            + Names.name(x));
                }
                edge[x][y] = true;
                outDegree[x]++;
            }
            for (int v : new int[] {x, y}) {
                if (!mentioned[v]) {
                    mentioned[v] = true;
                    vertices[count++] = v;
                    if (count > size && facts.length % 2 == 0 && size >= domain.minSize()) {
                        throw PastedFacts.refuse(domain, facts, i, Names.name(v) + " is vertex " + count + ", but "
                                + facts.length + " edges (2N) make a graph of N = " + size + " vertices");
                    }
                }
            }
        }
        if (facts.length % 2 != 0) {
            throw new IllegalArgumentException("a graph of N vertices has 2N edges, one fact each, but there are "
                    + facts.length + " facts, an odd number");
        }
        PastedFacts.checkSize(domain, size, "the " + facts.length + " edges make a graph of N = " + size + " vertices");
        return domain.graph(size, java.util.Arrays.copyOf(vertices, count), facts);
    }
}
