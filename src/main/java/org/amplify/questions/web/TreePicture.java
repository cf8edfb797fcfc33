package org.amplify.questions.web;

import java.util.ArrayList;
import java.util.List;
import org.amplify.questions.TreeView;
import org.springframework.web.util.HtmlUtils;

/**
 * The tree as an SVG drawn on the server: questions and subquestions as boxes, one column a depth,
 * leaves one under the other, each box coloured by status and linking to its workspace.
 */
final class TreePicture {

    static final int BOX_WIDTH = 230;
    static final int BOX_HEIGHT = 44;
    static final int COLUMN = 270;
    static final int ROW = 56;
    static final int MAX_LABEL = 30;

    private final List<String> boxes = new ArrayList<>();
    private final List<String> edges = new ArrayList<>();
    private int nextRow;
    private int maxColumn;

    private TreePicture() {
    }

    /** The SVG markup (the caller inserts it unescaped; every text in it is escaped here). */
    static String draw(TreeView view) {
        TreePicture picture = new TreePicture();
        picture.question(view.root(), 0);
        int width = (picture.maxColumn + 1) * COLUMN + 20;
        int height = Math.max(1, picture.nextRow) * ROW + 20;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree-picture\" role=\"img\" aria-label=\"The tree\""
                + " width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">"
                + String.join("", picture.edges) + String.join("", picture.boxes) + "</svg>";
    }

    /** Lays out a question box and its subquestions; returns the y of its middle. */
    private int question(TreeView.Node node, int column) {
        String status = node.answer() != null ? "answered-by-person" : node.disagreement() ? "needs-person" : "open";
        String label = node.text() + (node.answer() != null ? " = " + node.answer() : "");
        int y;
        if (node.subquestions().isEmpty()) {
            y = place();
        } else {
            List<Integer> children = new ArrayList<>();
            for (TreeView.Branch branch : node.subquestions()) {
                children.add(branch(branch, column + 1));
            }
            y = (children.get(0) + children.get(children.size() - 1)) / 2;
            children.forEach(child -> edge(column, y, column + 1, child));
        }
        box(column, y, "question " + status, label, node.workspaceIds().isEmpty() ? null
                : "/workspaces/" + node.workspaceIds().get(0), "question " + node.questionId());
        return y;
    }

    private int branch(TreeView.Branch branch, int column) {
        String label = branch.text() + (branch.answer() != null ? " = " + branch.answer() : "");
        int y;
        if (branch.child() != null) {
            int childY = question(branch.child(), column + 1);
            y = childY;
            edge(column, y, column + 1, childY);
        } else {
            y = place();
        }
        box(column, y, "subquestion " + branch.status().css(), label, "/workspaces/" + branch.workspaceId()
                + "#subquestion-" + branch.subquestionId(), branch.status().label());
        return y;
    }

    private int place() {
        return 10 + (nextRow++) * ROW + BOX_HEIGHT / 2;
    }

    private void box(int column, int y, String css, String label, String link, String title) {
        maxColumn = Math.max(maxColumn, column);
        int x = 10 + column * COLUMN;
        String text = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
        String shape = "<g class=\"node " + css + "\"><title>" + HtmlUtils.htmlEscape(label + " (" + title + ")")
                + "</title><rect x=\"" + x + "\" y=\"" + (y - BOX_HEIGHT / 2) + "\" width=\"" + BOX_WIDTH
                + "\" height=\"" + BOX_HEIGHT + "\" rx=\"7\"/><text x=\"" + (x + 10) + "\" y=\"" + (y + 5) + "\">"
                + HtmlUtils.htmlEscape(text) + "</text></g>";
        boxes.add(link == null ? shape : "<a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + shape + "</a>");
    }

    private void edge(int fromColumn, int fromY, int toColumn, int toY) {
        int x1 = 10 + fromColumn * COLUMN + BOX_WIDTH;
        int x2 = 10 + toColumn * COLUMN;
        int mid = (x1 + x2) / 2;
        edges.add("<path class=\"edge\" d=\"M" + x1 + "," + fromY + " C" + mid + "," + fromY + " " + mid + "," + toY
                + " " + x2 + "," + toY + "\"/>");
    }
}
