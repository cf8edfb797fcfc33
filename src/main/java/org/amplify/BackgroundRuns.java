package org.amplify;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jobrunr.JobRunrException;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one lifecycle of a background run (a round, an experiment, an adversarial search), whatever
 * its module: <b>claim</b> (QUEUED to RUNNING with this node's id; a cancelled or interrupted run is
 * left alone), <b>progress</b> (the module's typed {@link RunProgress}, written at most once per
 * interval, and JobRunr's progress bar of the job), <b>cancel</b> (this registry, for a run on this
 * node, and the store's flag, for a run on any node; the running loop asks {@link Run} between steps),
 * <b>finish</b> (the module records SUCCEEDED with its results; a {@link RunStopped} ends it
 * CANCELLED, or INTERRUPTED when the application is stopping; an exception ends it FAILED with its
 * message, and is never retried) and, for runs whose node stopped, {@link InterruptedRuns}.
 *
 * <p>A cancel does not delete the run's JobRunr job while it runs: JobRunr would interrupt the
 * worker thread, and an interrupted thread cannot take a database connection to record how the run
 * ended (nor, for an experiment, register the model it ends with). The loop sees the cancel at its
 * next step instead, within the store's check interval on any node.
 */
@Component
public class BackgroundRuns {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRuns.class);

    private final AppNodes nodes;
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    BackgroundRuns(AppNodes nodes) {
        this.nodes = nodes;
    }

    /** The work of one claimed run; it records its own success, and throws {@link Run#stopped()} when told to stop. */
    @FunctionalInterface
    public interface Work<P extends RunProgress> {

        void run(Run<P> run);
    }

    /**
     * Runs the lifecycle of run {@code id} of the store on this thread (a JobRunr worker's).
     *
     * @param handler the JobRunr handler it runs in, whose job shows a progress bar (none when it runs outside a job)
     * @param checkEvery how often, at most, the progress is written and a cancel in the database read
     */
    public <P extends RunProgress> void run(RunStore<P> store, long id, JobRequestHandler<?> handler,
            Duration checkEvery, Work<P> work) {
        String key = key(store, id);
        try {
            if (!store.claim(id, nodes.id())) {
                log.info("{} {} is no longer queued (cancelled or interrupted): not run", store.name(), id);
                return;
            }
            work.run(new Run<>(this, store, id, key, jobOf(handler), checkEvery.toNanos()));
        } catch (RunStopped e) {
            store.end(id, e.byShutdown ? RunEnding.INTERRUPTED : RunEnding.CANCELLED,
                    e.byShutdown ? store.stoppedByShutdown() : null);
            log.info("{} {} {}", store.name(), id, e.byShutdown ? "interrupted by the application stopping"
                    : "cancelled");
        } catch (RuntimeException | Error e) {
            log.error("{} {} failed", store.name(), id, e);
            store.end(id, RunEnding.FAILED, message(e));
            throw e;
        } finally {
            cancelled.remove(key);
        }
    }

    /**
     * Asks an unfinished run to stop: at once on this node, and through the store's flag on any node.
     *
     * @return false when it had already finished
     */
    public boolean cancel(RunStore.Cancellable<?> store, long id) {
        String key = key(store, id);
        cancelled.add(key);
        if (!store.requestCancel(id)) {
            cancelled.remove(key);
            return false;
        }
        return true;
    }

    /** Forgets the cancel of a run that ended without running (a queued one cancelled at once). */
    public void forget(RunStore<?> store, long id) {
        cancelled.remove(key(store, id));
    }

    /** Whether the application is stopping: every run stops at its next step. */
    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** Published before any bean is destroyed: runs stop while the database is still there. */
    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        shuttingDown = true;
    }

    /** The job the handler runs in; null when it is called outside a JobRunr worker (a test, a command). */
    private static JobContext jobOf(JobRequestHandler<?> handler) {
        try {
            return handler.jobContext();
        } catch (JobRunrException e) {
            return null;
        }
    }

    private static String key(RunStore<?> store, long id) {
        return store.name() + "#" + id;
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    /** Thrown by the work of a run told to stop (by a cancel, or by the application stopping). */
    public static final class RunStopped extends RuntimeException {

        private final boolean byShutdown;

        private RunStopped(boolean byShutdown) {
            super(byShutdown ? "stopped by the application stopping" : "cancelled", null, false, false);
            this.byShutdown = byShutdown;
        }
    }

    /**
     * One claimed run as its loop sees it. Asked ({@link #getAsBoolean()}) before every step, it says
     * whether to stop: on a cancel here, the application stopping or the thread interrupted, or a
     * cancel in the database, read with the progress written once per interval.
     */
    public static final class Run<P extends RunProgress> implements BooleanSupplier {

        private final BackgroundRuns runs;
        private final RunStore<P> store;
        private final long id;
        private final String key;
        private JobContext job;
        private final long checkNanos;
        private long lastCheck;
        private P latest;
        private boolean cancelledInStore;
        private boolean byShutdown;
        private JobDashboardProgressBar bar;
        private long barTotal;

        private Run(BackgroundRuns runs, RunStore<P> store, long id, String key, JobContext job, long checkNanos) {
            this.runs = runs;
            this.store = store;
            this.id = id;
            this.key = key;
            this.job = job == JobContext.Null ? null : job;
            this.checkNanos = checkNanos;
            this.lastCheck = System.nanoTime() - checkNanos; // the first step's progress is written at once
        }

        public long id() {
            return id;
        }

        /** The progress last reported (null before any). */
        public P latest() {
            return latest;
        }

        /** Records the progress now (a new phase). */
        public void progress(P progress) {
            latest = progress;
            showInJob(progress);
            lastCheck = System.nanoTime();
            cancelledInStore |= store.progress(id, progress);
        }

        /** Remembers the progress (a step); it is written when the interval has passed since the last write. */
        public void update(P progress) {
            latest = progress;
            showInJob(progress);
            writeIfDue();
        }

        @Override
        public boolean getAsBoolean() {
            if (runs.cancelled.contains(key) || cancelledInStore) {
                return true;
            }
            if (runs.shuttingDown || Thread.currentThread().isInterrupted()) {
                byShutdown = true;
                return true;
            }
            writeIfDue();
            return cancelledInStore;
        }

        /** Whether {@link #getAsBoolean()} said stop because the application is stopping. */
        public boolean stoppedByShutdown() {
            return byShutdown;
        }

        /** What the work throws once it has stopped: ends the run CANCELLED, or INTERRUPTED on a shutdown. */
        public RunStopped stopped() {
            return new RunStopped(byShutdown || runs.shuttingDown);
        }

        private void writeIfDue() {
            long now = System.nanoTime();
            if (latest != null && now - lastCheck >= checkNanos) {
                lastCheck = now;
                cancelledInStore |= store.progress(id, latest);
            }
        }

        private void showInJob(P progress) {
            if (job == null || progress.total() <= 0) {
                return;
            }
            try {
                if (bar == null || barTotal != progress.total()) {
                    bar = job.progressBar(progress.total());
                    barTotal = progress.total();
                }
                bar.setProgress(Math.min(progress.done(), progress.total()));
            } catch (RuntimeException e) { // the bar is only shown on JobRunr's dashboard: never fail a run for it
                log.debug("progress bar of {} {} not updated: {}", store.name(), id, e.toString());
                job = null;
            }
        }
    }
}
