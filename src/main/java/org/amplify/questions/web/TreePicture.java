package org.amplify.questions.web;

import java.util.ArrayList;
import java.util.List;
import org.amplify.questions.TreeView;

/**
 * The tree laid out for an inline SVG (drawn by the {@code questions/tree-picture} fragment): one box
 * per question (the root, and every subquestion, whether or not it became a question of its own), one
 * column a depth, leaves one under the other; each box shows its answer under the question, is
 * coloured by a status the legend names, shows the whole text on hover and links to its workspace.
 */
public record TreePicture(int width, int height, List<Box> boxes, List<Edge> edges) {

    static final int BOX_WIDTH = 230;
    static final int BOX_HEIGHT = 48;
    static final int COLUMN = 270;
    static final int ROW = 60;
    static final int MAX_LABEL = 30;

    /**
     * A box at (x, y), its top left corner: {@code css} names its kind and status, {@code label} and
     * {@code second} are its two (shortened) lines, {@code title} the whole text shown on hover;
     * {@code link} is null where the box links nowhere.
     */
    public record Box(int x, int y, int width, int height, String css, String label, String second, String title,
            String link) {

        public int textX() {
            return x + 10;
        }

        public int labelY() {
            return y + height / 2 - 4;
        }

        public int secondY() {
            return y + height / 2 + 14;
        }
    }

    /** A curve from a box's right side to a subquestion's box, as an SVG path. */
    public record Edge(String path) {}

    static TreePicture of(TreeView view) {
        Layout layout = new Layout();
        layout.question(view.root(), 0);
        int width = (layout.maxColumn + 1) * COLUMN + 20;
        int height = Math.max(1, layout.nextRow) * ROW + 20;
        return new TreePicture(width, height, List.copyOf(layout.boxes), List.copyOf(layout.edges));
    }

    /** The layout under way: the boxes and edges placed so far, the next free row. */
    private static final class Layout {

        private final List<Box> boxes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        private int nextRow;
        private int maxColumn;

        /** Lays out the root question's box and its subquestions; returns the y of its middle. */
        private int question(TreeView.Node node, int column) {
            String status = node.answer() != null ? "answered-by-person" : node.disagreement() ? "needs-person" : "open";
            int y = below(node, column);
            box(column, y, "question " + status, node.text(), node.answer() != null ? "= " + node.answer()
                    : node.disagreement() ? "its experts disagree" : "open", node.workspaceIds().isEmpty() ? null
                    : "/workspaces/" + node.workspaceIds().get(0), "the question");
            return y;
        }

        /**
         * One box per subquestion: one that became a question of its own is the same box (it links to
         * that question's workspace), and that question's subquestions hang from it.
         */
        private int branch(TreeView.Branch branch, int column) {
            TreeView.Node child = branch.child();
            int y = child == null ? place() : below(child, column);
            String link = child != null && !child.workspaceIds().isEmpty() ? "/workspaces/" + child.workspaceIds().get(0)
                    : "/workspaces/" + branch.workspaceId() + "#subquestion-" + branch.subquestionId();
            box(column, y, "subquestion " + branch.status().css(), branch.text(), branch.answer() != null
                    ? "= " + branch.answer() : branch.status().label(), link, branch.status().label());
            return y;
        }

        /** Lays out the question's subquestions in the next column; returns the y of the question's box. */
        private int below(TreeView.Node node, int column) {
            if (node.subquestions().isEmpty()) {
                return place();
            }
            List<Integer> children = new ArrayList<>();
            for (TreeView.Branch branch : node.subquestions()) {
                children.add(branch(branch, column + 1));
            }
            int y = (children.get(0) + children.get(children.size() - 1)) / 2;
            children.forEach(child -> edge(column, y, column + 1, child));
            return y;
        }

        private int place() {
            return 10 + (nextRow++) * ROW + BOX_HEIGHT / 2;
        }

        /** A box: the question on its first line, its answer (or status) under it; both whole on hover. */
        private void box(int column, int y, String css, String label, String second, String link, String title) {
            maxColumn = Math.max(maxColumn, column);
            boxes.add(new Box(10 + column * COLUMN, y - BOX_HEIGHT / 2, BOX_WIDTH, BOX_HEIGHT, css, shorten(label),
                    shorten(second), label + "\n" + second + " (" + title + ")", link));
        }

        private void edge(int fromColumn, int fromY, int toColumn, int toY) {
            int x1 = 10 + fromColumn * COLUMN + BOX_WIDTH;
            int x2 = 10 + toColumn * COLUMN;
            int mid = (x1 + x2) / 2;
            edges.add(new Edge("M" + x1 + "," + fromY + " C" + mid + "," + fromY + " " + mid + "," + toY + " " + x2
                    + "," + toY));
        }
    }

    private static String shorten(String text) {
        return text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL - 1) + "…" : text;
    }
}
