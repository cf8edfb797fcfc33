package org.amplify;

/**
 * How far a background run is, as {@link BackgroundRuns} sees it: a module's typed progress (a
 * round's phase and training step, an experiment's steps, a search's phase and share) tells the
 * steps done of a total, which JobRunr's progress bar shows.
 */
public interface RunProgress {

    /** Steps done, of {@link #total()}. */
    long done();

    /** All the steps (0: not known yet). */
    long total();
}
