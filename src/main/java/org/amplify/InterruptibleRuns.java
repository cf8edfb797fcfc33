package org.amplify;

import java.util.List;
import java.util.UUID;

/**
 * A module's background runs (rounds, experiments, adversarial searches) as {@link InterruptedRuns}
 * sees them: the store that marks the runs a condition selects INTERRUPTED. Each module's store is a
 * {@link RunStore}, which {@link BackgroundRuns} drives while a run runs on this node.
 */
public interface InterruptibleRuns {

    /** What the runs are, for the log: "round(s)". */
    String what();

    /**
     * Marks INTERRUPTED, with the reason, the QUEUED or RUNNING runs the condition selects.
     *
     * @return the JobRunr job of each run marked (an element may be null: a run with no job yet)
     */
    List<UUID> interrupt(String reason, AppNodes.Condition which);
}
