package org.amplify.models.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amplify.models.ModelVersion;

/**
 * The lineage picture of a domain's versions, laid out for an inline SVG: versions from left to right
 * in the order they were registered, a child on its parent's row when it is the parent's first child,
 * else on the first row free of pending edges; a line or an S-curve from each parent to each child.
 */
public record Lineage(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int STEP = 56;
    static final int ROW = 46;
    static final int MARGIN = 22;
    static final int RADIUS = 12;

    /** A version drawn at (x, y). */
    public record Node(long id, int version, String kind, int x, int y, boolean champion, String tooltip) {}

    /** A curve from a parent to a child, as an SVG path. */
    public record Edge(long parentId, long childId, String path) {}

    static Lineage of(List<ModelVersion> versions, Long championId, Map<Long, String> tooltips) {
        List<ModelVersion> ordered = new ArrayList<>(versions);
        ordered.sort(Comparator.comparingInt(ModelVersion::version));
        int n = ordered.size();
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(ordered.get(i).id(), i);
        }
        int[] parent = new int[n];
        int[] lastChild = new int[n];
        Arrays.fill(lastChild, -1);
        for (int i = 0; i < n; i++) {
            Long parentId = ordered.get(i).parentId();
            Integer p = parentId == null ? null : indexOf.get(parentId);
            parent[i] = p == null || p >= i ? -1 : p; // a parent outside this picture: drawn as a root
            if (parent[i] >= 0) {
                lastChild[parent[i]] = Math.max(lastChild[parent[i]], i);
            }
        }
        int[] row = new int[n];
        List<Integer> lastOnRow = new ArrayList<>();
        List<Integer> reservedUntil = new ArrayList<>(); // the last index an edge along the row reaches
        for (int i = 0; i < n; i++) {
            int chosen = -1;
            int p = parent[i];
            if (p >= 0 && lastOnRow.get(row[p]) == p) {
                chosen = row[p]; // the parent's first child continues its row
            } else {
                for (int r = 0; r < lastOnRow.size() && chosen < 0; r++) {
                    if (reservedUntil.get(r) < i) {
                        chosen = r;
                    }
                }
            }
            if (chosen < 0) {
                chosen = lastOnRow.size();
                lastOnRow.add(-1);
                reservedUntil.add(-1);
            }
            row[i] = chosen;
            lastOnRow.set(chosen, i);
            reservedUntil.set(chosen, Math.max(reservedUntil.get(chosen), Math.max(i, lastChild[i])));
        }

        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ModelVersion version = ordered.get(i);
            nodes.add(new Node(version.id(), version.version(), version.kind().name(), x(i), y(row[i]),
                    championId != null && championId == version.id(), tooltips.getOrDefault(version.id(), "")));
            if (parent[i] >= 0) {
                edges.add(new Edge(ordered.get(parent[i]).id(), version.id(), path(parent[i], row[parent[i]], i, row[i])));
            }
        }
        int rows = Math.max(1, lastOnRow.size());
        return new Lineage(x(Math.max(0, n - 1)) + MARGIN + RADIUS, y(rows - 1) + MARGIN + RADIUS + 6, nodes, edges);
    }

    private static int x(int index) {
        return MARGIN + RADIUS + index * STEP;
    }

    private static int y(int row) {
        return MARGIN + row * ROW;
    }

    private static String path(int fromIndex, int fromRow, int toIndex, int toRow) {
        int x1 = x(fromIndex) + RADIUS;
        int y1 = y(fromRow);
        int x2 = x(toIndex) - RADIUS;
        int y2 = y(toRow);
        if (y1 == y2) {
            return "M" + x1 + " " + y1 + " L" + x2 + " " + y2;
        }
        int bend = Math.min(STEP / 2, (x2 - x1) / 2); // an S from row to row across the whole span
        return "M" + x1 + " " + y1 + " C" + (x1 + bend) + " " + y1 + " " + (x2 - bend) + " " + y2 + " " + x2 + " " + y2;
    }
}
