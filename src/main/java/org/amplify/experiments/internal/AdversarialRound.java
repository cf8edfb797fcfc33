package org.amplify.experiments.internal;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.experiments.SearchFigures;
import org.amplify.models.AnswerModel;

/**
 * Security amplification, measured: search X for disagreements with Amplify^H(X) ("before"); train
 * a copy of X for one round with the found cases fed in with priority, and search it again with a
 * fresh seed and the same budget ("after"); as a control, train another copy of X for the same steps
 * without the found cases (plain IA from the same X) and search it with that same fresh seed. Each of
 * the three X is also measured on held-out questions against the ground truth.
 */
public final class AdversarialRound {

    /** The share of each training batch taken from the found cases. */
    public static final double PRIORITY_SHARE = 0.5;
    static final int BATCH = 64;
    static final int TARGETS_PER_STEP = 64;
    static final int HELD_OUT = 1000;

    /** What the round is doing, in the order it does it. */
    public enum Phase { SEARCH_BEFORE, PRIORITY_TRAINING, SEARCH_AFTER, CONTROL_TRAINING, SEARCH_CONTROL, DONE }

    private final AlgorithmicDomain domain;
    private final Amplifier amplifier;
    private final Settings settings;

    public AdversarialRound(AlgorithmicDomain domain, Amplifier amplifier, Settings settings) {
        this.domain = domain;
        this.amplifier = amplifier;
        this.settings = settings;
    }

    /**
     * Runs the round from X (left unchanged).
     *
     * @return the figures and the X trained with priority (the caller closes it)
     */
    public Outcome run(AnswerModel model, Progress progress, BooleanSupplier stop) {
        long started = System.nanoTime();
        AdversarialSearch search = new AdversarialSearch(domain, amplifier, settings.size(), settings.maxLevel());
        HeldOutSet heldOut = new HeldOutSet(domain, settings.size(), levels(), HELD_OUT, settings.seed());
        Units units = new Units(progress,
                3.0 * settings.queries() + 2.0 * settings.trainingSteps() * Units.PER_STEP);

        units.enter(Phase.SEARCH_BEFORE);
        AdversarialSearch.Result before = search.search(model, settings.queries(), settings.mutationShare(),
                settings.seed(), units::queries);
        SearchFigures beforeFigures = figures(before, heldOut.evaluate(model, 250).accuracy(), 0);

        AnswerModel trained = model.copy();
        try {
            units.enter(Phase.PRIORITY_TRAINING);
            PriorityTraining priority = training(before, PRIORITY_SHARE);
            int steps = priority.train(trained, settings.trainingSteps(), settings.seed() + 1, units::steps, stop);
            units.enter(Phase.SEARCH_AFTER);
            AdversarialSearch.Result after = search.search(trained, settings.queries(), settings.mutationShare(),
                    settings.seed() + 2, units::queries);
            SearchFigures afterFigures = figures(after, heldOut.evaluate(trained, 250).accuracy(), steps);

            units.enter(Phase.CONTROL_TRAINING);
            SearchFigures controlFigures;
            try (AnswerModel control = model.copy()) {
                int controlSteps = training(before, 0).train(control, settings.trainingSteps(), settings.seed() + 1,
                        units::steps, stop);
                units.enter(Phase.SEARCH_CONTROL);
                AdversarialSearch.Result controlled = search.search(control, settings.queries(),
                        settings.mutationShare(), settings.seed() + 2, units::queries);
                controlFigures = figures(controlled, heldOut.evaluate(control, 250).accuracy(), controlSteps);
            }
            units.enter(Phase.DONE);
            return new Outcome(before, beforeFigures, afterFigures, controlFigures, trained,
                    priority.priorityPerBatch(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            trained.close();
            throw e;
        }
    }

    private int levels() {
        return settings.maxLevel() <= 0 ? domain.levels() : Math.min(settings.maxLevel(), domain.levels());
    }

    private PriorityTraining training(AdversarialSearch.Result before, double share) {
        return new PriorityTraining(domain, amplifier, settings.size(), settings.maxLevel(), BATCH, TARGETS_PER_STEP,
                share == 0 ? List.of() : before.found(), share);
    }

    private static SearchFigures figures(AdversarialSearch.Result result, double heldOutAccuracy, int trainingSteps) {
        return new SearchFigures(result.queries(), result.disagreements(), result.perThousand(),
                result.randomQueries(), result.randomDisagreements(), result.randomPerThousand(),
                result.mutationQueries(), result.mutationDisagreements(), result.mutationPerThousand(),
                result.wrong(), heldOutAccuracy, trainingSteps);
    }

    /**
     * What a round is asked to do.
     *
     * @param size the task size N
     * @param maxLevel questions of levels 1 to this (0: every level of the domain)
     * @param queries the budget of each search
     * @param mutationShare the share of each budget spent on mutations of the worst cases
     * @param trainingSteps steps of the priority round, and of the control
     */
    public record Settings(int size, int maxLevel, int queries, double mutationShare, int trainingSteps, long seed) {}

    /**
     * @param found the search before, with its cases
     * @param trained X after the round with priority
     * @param priorityPerBatch examples of each batch taken from the found cases
     */
    public record Outcome(AdversarialSearch.Result found, SearchFigures before, SearchFigures after,
            SearchFigures control, AnswerModel trained, int priorityPerBatch, long wallMillis) {}

    /** Told of the phase and of the share of the work done (0 to 1). */
    public interface Progress {
        void report(Phase phase, double done);
    }

    /** Work in units: a query is one; a training step (a batch amplified, then trained on) about a batch. */
    private static final class Units {

        static final double PER_STEP = TARGETS_PER_STEP;

        private final Progress progress;
        private final double total;
        private Phase phase;
        private double base;
        private double current;

        Units(Progress progress, double total) {
            this.progress = progress;
            this.total = Math.max(1, total);
        }

        void enter(Phase next) {
            base += current;
            current = 0;
            phase = next;
            report();
        }

        void queries(int spent) {
            current = spent;
            report();
        }

        void steps(int done) {
            current = done * PER_STEP;
            report();
        }

        private void report() {
            progress.report(phase, phase == Phase.DONE ? 1 : Math.min(1, (base + current) / total));
        }
    }
}
