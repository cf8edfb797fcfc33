package org.amplify;

/** How a run ended other than by succeeding, as {@link BackgroundRuns} records it through a {@link RunStore}. */
public enum RunEnding {
    /** Stopped by a cancel (here, or asked in the database on any node). */
    CANCELLED,
    /** Ended by an exception; the store keeps its message. */
    FAILED,
    /** Stopped because the application was stopping. */
    INTERRUPTED
}
