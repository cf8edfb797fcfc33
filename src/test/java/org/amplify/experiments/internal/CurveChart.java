package org.amplify.experiments.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.Mode;
import org.amplify.experiments.internal.ResultsCommand.RunSummary;

/** A small SVG line chart of held-out accuracy against steps, one line per mode, for docs/results. */
final class CurveChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 120;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;

    private CurveChart() {}

    private static final String[] COLOURS = {"#2c6fbb", "#c0392b", "#27ae60", "#8e44ad", "#e67e22"};

    /** IA and SL of one task: SL blue, IA red. */
    static String svg(String title, Map<Mode, RunSummary> runs) {
        Map<String, List<ExperimentPoint>> lines = new java.util.LinkedHashMap<>();
        Map<String, String> colours = new java.util.HashMap<>();
        runs.forEach((mode, run) -> {
            lines.put(mode.name(), run.points());
            colours.put(mode.name(), mode == Mode.IA ? "#c0392b" : "#2c6fbb");
        });
        return svg(title, lines, colours);
    }

    /** One line per label, coloured in turn. */
    static String lines(String title, Map<String, List<ExperimentPoint>> lines) {
        Map<String, String> colours = new java.util.HashMap<>();
        int i = 0;
        for (String label : lines.keySet()) {
            colours.put(label, COLOURS[i++ % COLOURS.length]);
        }
        return svg(title, lines, colours);
    }

    private static String svg(String title, Map<String, List<ExperimentPoint>> runs, Map<String, String> colours) {
        int maxStep = runs.values().stream().mapToInt(r -> r.get(r.size() - 1).step()).max().orElse(1);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s: "
                + "held-out accuracy</text>%n", LEFT, title));
        for (int tick = 0; tick <= 10; tick += 2) {
            double y = TOP + plotHeight * (1 - tick / 10.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", LEFT, y, LEFT + plotWidth, y,
                    LEFT - 6, y + 4, tick / 10.0));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double x = LEFT + plotWidth * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x,
                    HEIGHT - BOTTOM + 18, maxStep * tick / 4));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">training steps</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 8));
        int legend = 0;
        for (var entry : runs.entrySet()) {
            String colour = colours.get(entry.getKey());
            List<ExperimentPoint> points = entry.getValue();
            StringBuilder path = new StringBuilder();
            for (ExperimentPoint p : points) {
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        LEFT + plotWidth * p.step() / maxStep, TOP + plotHeight * (1 - p.accuracy())));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    path, colour));
            double y = TOP + 16 + legend++ * 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>%n", LEFT + plotWidth + 12, y,
                    LEFT + plotWidth + 36, y, colour, LEFT + plotWidth + 42, y + 4, entry.getKey()));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                + "stroke=\"#888\"/>%n</svg>%n", LEFT, TOP, plotWidth, plotHeight));
        return svg.toString();
    }
}
