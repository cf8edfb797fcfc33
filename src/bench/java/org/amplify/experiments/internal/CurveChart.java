package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.Mode;
import org.amplify.experiments.internal.ResultsCommand.RunSummary;

/**
 * A small SVG line chart of held-out accuracy against steps, one line per mode, for docs/results:
 * laid out here, drawn by the template {@code reports/curve.svg}.
 */
final class CurveChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int LEFT = 56;
    private static final int RIGHT = 120;
    static final int TOP = 36;
    private static final int BOTTOM = 44;

    private static final String[] COLOURS = {"#2c6fbb", "#c0392b", "#27ae60", "#8e44ad", "#e67e22"};

    /**
     * The chart laid out; coordinates are text with one decimal, as the chart writes them. {@code right}
     * and {@code bottom} are the plot's right edge and the y of the step labels.
     */
    record Layout(String title, String plotWidth, String plotHeight, String right, int bottom, String middle,
            List<YTick> yTicks, List<XTick> xTicks, List<Line> lines) {

        public int width() {
            return WIDTH;
        }

        public int height() {
            return HEIGHT;
        }

        public int left() {
            return LEFT;
        }

        public int top() {
            return TOP;
        }
    }

    /** A horizontal grid line at {@code y} and its accuracy label. */
    record YTick(String y, String labelY, String label) {}

    /** A step label under the plot. */
    record XTick(String x, int step) {}

    /** One run's curve and its legend entry (a short stroke from x1 to x2 at y, the label at labelX). */
    record Line(String path, String colour, String label, String x1, String x2, String y, String labelX,
            String labelY) {}

    private CurveChart() {}

    /** IA and SL of one task: SL blue, IA red. */
    static String svg(String title, Map<Mode, RunSummary> runs) {
        Map<String, List<ExperimentPoint>> lines = new LinkedHashMap<>();
        Map<String, String> colours = new HashMap<>();
        runs.forEach((mode, run) -> {
            lines.put(mode.name(), run.points());
            colours.put(mode.name(), mode == Mode.IA ? "#c0392b" : "#2c6fbb");
        });
        return svg(title, lines, colours);
    }

    /** One line per label, coloured in turn. */
    static String lines(String title, Map<String, List<ExperimentPoint>> lines) {
        Map<String, String> colours = new HashMap<>();
        int i = 0;
        for (String label : lines.keySet()) {
            colours.put(label, COLOURS[i++ % COLOURS.length]);
        }
        return svg(title, lines, colours);
    }

    private static String svg(String title, Map<String, List<ExperimentPoint>> runs, Map<String, String> colours) {
        return ReportTemplates.render("curve.svg", Map.of("chart", layout(title, runs, colours)));
    }

    static Layout layout(String title, Map<String, List<ExperimentPoint>> runs, Map<String, String> colours) {
        int maxStep = runs.values().stream().mapToInt(r -> r.get(r.size() - 1).step()).max().orElse(1);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<YTick> yTicks = new ArrayList<>();
        for (int tick = 0; tick <= 10; tick += 2) {
            double y = TOP + plotHeight * (1 - tick / 10.0);
            yTicks.add(new YTick(f(y), f(y + 4), f(tick / 10.0)));
        }
        List<XTick> xTicks = new ArrayList<>();
        for (int tick = 0; tick <= 4; tick++) {
            xTicks.add(new XTick(f(LEFT + plotWidth * tick / 4), maxStep * tick / 4));
        }
        List<Line> lines = new ArrayList<>();
        for (var entry : runs.entrySet()) {
            StringBuilder path = new StringBuilder();
            for (ExperimentPoint p : entry.getValue()) {
                path.append(path.isEmpty() ? "M" : " L").append(f(LEFT + plotWidth * p.step() / maxStep)).append(' ')
                        .append(f(TOP + plotHeight * (1 - p.accuracy())));
            }
            double y = TOP + 16 + lines.size() * 20;
            lines.add(new Line(path.toString(), colours.get(entry.getKey()), entry.getKey(), f(LEFT + plotWidth + 12),
                    f(LEFT + plotWidth + 36), f(y), f(LEFT + plotWidth + 42), f(y + 4)));
        }
        return new Layout(title, f(plotWidth), f(plotHeight), f(LEFT + plotWidth), HEIGHT - BOTTOM + 18,
                f(LEFT + plotWidth / 2), yTicks, xTicks, lines);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
