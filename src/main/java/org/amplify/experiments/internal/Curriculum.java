package org.amplify.experiments.internal;

import java.util.List;
import org.amplify.experiments.ExperimentSettings;

/**
 * IA's curriculum, opened on evidence and never on ground truth: which levels of questions are
 * asked, and at which size N of the context.
 *
 * <p>For every open level a running estimate of how often the teacher's direct answer agrees with
 * the amplified target of that level: the share of agreements among the last {@code window}
 * amplified targets of the level (a sliding window, so the estimate rests on thousands of targets,
 * not on the last few dozen as an average with a short memory would). The next level opens once the
 * window of the highest open level is full and its estimate reaches that level's threshold. Once
 * every level is open and every level's estimate reaches its threshold, N doubles (up to the
 * largest size of the run), as in the paper; the estimates then start again at the new size, and
 * every level stays open.
 */
final class Curriculum {

    private final int levels;
    private final int maxSize;
    private final double[] thresholds;
    private final Window[] windows;
    private final boolean enabled;
    private int openLevels;
    private int size;

    Curriculum(ExperimentSettings settings, int levels) {
        this.levels = levels;
        this.enabled = settings.mode().amplified() && settings.curriculum().enabled();
        this.size = settings.size();
        this.maxSize = enabled ? Math.max(settings.size(), settings.curriculum().maxSize()) : settings.size();
        this.openLevels = enabled ? 1 : levels;
        this.thresholds = new double[levels + 1];
        this.windows = new Window[levels + 1];
        for (int level = 1; level <= levels; level++) {
            thresholds[level] = settings.curriculum().thresholdFor(level);
            windows[level] = new Window(settings.curriculum().window());
        }
    }

    int openLevels() {
        return openLevels;
    }

    int size() {
        return size;
    }

    /** Whether the curriculum still has something to open, so the teacher's direct answers are needed. */
    boolean measuring() {
        return enabled && (openLevels < levels || size < maxSize);
    }

    /**
     * Records one step's amplified targets against the teacher's direct answers, then opens what the
     * evidence allows.
     *
     * @return whether N grew
     */
    boolean record(List<Integer> questionLevels, int[] direct, int[] amplified) {
        for (int i = 0; i < direct.length; i++) {
            windows[questionLevels.get(i)].add(direct[i] == amplified[i]);
        }
        if (openLevels < levels) {
            if (windows[openLevels].passes(thresholds[openLevels])) {
                openLevels++;
            }
            return false;
        }
        if (size < maxSize && allPass()) {
            size = Math.min(2 * size, maxSize);
            for (int level = 1; level <= levels; level++) {
                windows[level].clear();
            }
            return true;
        }
        return false;
    }

    private boolean allPass() {
        for (int level = 1; level <= levels; level++) {
            if (!windows[level].passes(thresholds[level])) {
                return false;
            }
        }
        return true;
    }

    /** The current estimate of a level, {@code NaN} until its window is full. */
    double estimate(int level) {
        return windows[level].estimate();
    }

    /** The last {@code capacity} agreements of one level, as a ring. */
    private static final class Window {

        private final boolean[] agreed;
        private int next;
        private int count;
        private int agreements;

        Window(int capacity) {
            this.agreed = new boolean[capacity];
        }

        void add(boolean agrees) {
            if (count == agreed.length) {
                agreements -= agreed[next] ? 1 : 0;
            } else {
                count++;
            }
            agreed[next] = agrees;
            agreements += agrees ? 1 : 0;
            next = (next + 1) % agreed.length;
        }

        boolean passes(double threshold) {
            return count == agreed.length && agreements >= threshold * agreed.length;
        }

        double estimate() {
            return count < agreed.length ? Double.NaN : agreements / (double) agreed.length;
        }

        void clear() {
            next = 0;
            count = 0;
            agreements = 0;
        }
    }
}
