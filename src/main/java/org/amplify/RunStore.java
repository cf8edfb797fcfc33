package org.amplify;

/**
 * A module's table of background runs (rounds, experiments, adversarial searches) as
 * {@link BackgroundRuns} drives them: claimed QUEUED to RUNNING with this node's id, their typed
 * progress recorded, ended from RUNNING; and, as every {@link InterruptibleRuns}, marked INTERRUPTED
 * by {@link InterruptedRuns} when their node stopped. Every change of status is one conditional
 * UPDATE from the status it expects, so a cancel, the worker and the recovery never overwrite each
 * other. A run's success carries its module's results, so the module's repository records it itself.
 *
 * @param <P> the module's progress of one run
 */
public interface RunStore<P extends RunProgress> extends InterruptibleRuns {

    /** One run, for the log: "Round". */
    String name();

    /** QUEUED to RUNNING, owned by {@code node}, unless it was cancelled or interrupted meanwhile. */
    boolean claim(long id, String node);

    /** Records the progress of a running run; answers whether a cancel was asked for in the database (by any node). */
    boolean progress(long id, P progress);

    /** RUNNING to CANCELLED, FAILED or INTERRUPTED, with the message (null for a cancel). */
    void end(long id, RunEnding ending, String message);

    /** The message of a run stopped by the application stopping. */
    default String stoppedByShutdown() {
        return "the application stopped during the run";
    }

    /** A store whose runs can be cancelled by a person. */
    interface Cancellable<P extends RunProgress> extends RunStore<P> {

        /** Flags an unfinished run to stop (in the database, for every node); false when it had already finished. */
        boolean requestCancel(long id);
    }
}
