package org.amplify.domains.unionfind;

import org.amplify.domains.Names;
import org.amplify.domains.PastedFacts;

/**
 * A forest pasted as facts, checked: edges between names and labels, no loop, no edge twice, no
 * cycle, at most {@value UnionFind#MAX_DEGREE} neighbours a vertex, one labelled vertex a tree, each
 * label once, ⌊√N⌋ trees for the N names. Each refusal names the line it is about.
 */
final class PastedForest {

    private final UnionFind domain;
    private final ForestEncoding encoding;

    PastedForest(UnionFind domain) {
        this.domain = domain;
        this.encoding = domain.encoding();
    }

    Forest parse(int[][] pasted) {
        int[][] facts = PastedFacts.checkedCopy(domain, pasted);
        int[] root = new int[Names.COUNT];
        int[] degree = new int[Names.COUNT];
        int[] labelLine = new int[Names.COUNT];
        int[] labelUsedOn = new int[UnionFind.LABELS + 1];
        java.util.Arrays.fill(root, -1);
        java.util.Arrays.fill(labelLine, -1);
        java.util.Arrays.fill(labelUsedOn, -1);
        java.util.Map<Integer, Integer> edgeLine = new java.util.HashMap<>();
        int[] vertices = new int[Names.COUNT];
        int count = 0;
        for (int i = 0; i < facts.length; i++) {
            int[] fact = facts[i];
            if (!encoding.isName(fact[0])) {
                throw PastedFacts.refuse(domain, facts, i, "token 1 must be a name (aa to hh), not "
                        + domain.vocabulary().symbol(fact[0]));
            }
            if (!encoding.isName(fact[1]) && !encoding.isLabel(fact[1])) {
                throw PastedFacts.refuse(domain, facts, i, "token 2 must be a name (an edge) or a label #1 to #"
                        + UnionFind.LABELS + ", not " + domain.vocabulary().symbol(fact[1]));
            }
            int x = encoding.nameIndex(fact[0]);
            for (int v : encoding.isName(fact[1]) ? new int[] {x, encoding.nameIndex(fact[1])} : new int[] {x}) {
                if (root[v] < 0) {
                    root[v] = v;
                    vertices[count++] = v;
                }
            }
            if (encoding.isLabel(fact[1])) {
                int label = fact[1] - encoding.labelToken(1) + 1;
                if (labelLine[x] >= 0) {
                    throw PastedFacts.refuse(domain, facts, i, Names.name(x) + " is already labelled on "
                            + PastedFacts.line(domain, facts, labelLine[x]));
                }
                if (labelUsedOn[label] >= 0) {
                    throw PastedFacts.refuse(domain, facts, i, "#" + label + " already labels another vertex on "
                            + PastedFacts.line(domain, facts, labelUsedOn[label]) + ": the labels are distinct");
                }
                labelLine[x] = i;
                labelUsedOn[label] = i;
                continue;
            }
            int y = encoding.nameIndex(fact[1]);
            if (x == y) {
                throw PastedFacts.refuse(domain, facts, i, "an edge joins two different vertices");
            }
            Integer earlier = edgeLine.putIfAbsent(Math.min(x, y) * Names.COUNT + Math.max(x, y), i);
            if (earlier != null) {
                throw PastedFacts.refuse(domain, facts, i, "the edge is already on "
                        + PastedFacts.line(domain, facts, earlier));
            }
            for (int v : new int[] {x, y}) {
                if (++degree[v] > UnionFind.MAX_DEGREE) {
                    throw PastedFacts.refuse(domain, facts, i, "a vertex has at most " + UnionFind.MAX_DEGREE
                            + " neighbours, and this is the " + degree[v] + "th of " + Names.name(v));
                }
            }
            int rx = find(root, x);
            int ry = find(root, y);
            if (rx == ry) {
                throw PastedFacts.refuse(domain, facts, i, Names.name(x) + " and " + Names.name(y)
                        + " are already joined by other edges: this one closes a cycle, and a forest has none");
            }
            root[rx] = ry;
        }
        int[] treeLabel = new int[Names.COUNT];
        java.util.Arrays.fill(treeLabel, -1);
        for (int i = 0; i < facts.length; i++) {
            if (encoding.isLabel(facts[i][1])) {
                int tree = find(root, encoding.nameIndex(facts[i][0]));
                if (treeLabel[tree] >= 0) {
                    throw PastedFacts.refuse(domain, facts, i, "the tree of " + domain.vocabulary().symbol(facts[i][0])
                            + " is already labelled on " + PastedFacts.line(domain, facts, treeLabel[tree])
                            + ": each tree has one labelled vertex");
                }
                treeLabel[tree] = i;
            }
        }
        for (int i = 0; i < facts.length; i++) {
            int tree = find(root, encoding.nameIndex(facts[i][0]));
            if (treeLabel[tree] < 0) {
                throw PastedFacts.refuse(domain, facts, i, "the tree of " + domain.vocabulary().symbol(facts[i][0])
                        + " has no labelled vertex: each tree has one");
            }
        }
        int trees = 0;
        for (int v = 0; v < count; v++) {
            trees += find(root, vertices[v]) == vertices[v] ? 1 : 0;
        }
        PastedFacts.checkSize(domain, count, "the facts mention " + count + " names");
        int expected = (int) Math.sqrt(count);
        if (trees != expected) {
            throw new IllegalArgumentException("a forest of N = " + count + " vertices has ⌊√N⌋ = " + expected
                    + " trees, the facts make " + trees);
        }
        return domain.forest(java.util.Arrays.copyOf(vertices, count), facts);
    }

    private static int find(int[] root, int v) {
        while (root[v] != v) {
            root[v] = root[root[v]];
            v = root[v];
        }
        return v;
    }
}
