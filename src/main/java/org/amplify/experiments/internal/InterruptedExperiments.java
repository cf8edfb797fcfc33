package org.amplify.experiments.internal;

import java.util.List;
import java.util.UUID;
import org.amplify.AppNodes;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs left behind when a node stopped or died. At start-up, before the job server starts, this node
 * marks INTERRUPTED (and deletes the jobs of) the experiments it was running itself before it stopped,
 * those of nodes that are gone, and the queued ones when no other node is alive to take them; a live
 * node's experiments are never touched ({@link AppNodes#leftAtStart()}). While it runs, at every
 * heartbeat, it marks INTERRUPTED the running experiments of nodes that stopped heartbeating
 * ({@link AppNodes#orphaned()}). Even if JobRunr ran such a job again, the runner would leave it
 * alone, since it only runs QUEUED ones; what was recorded (points, transcripts) is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedExperiments implements ApplicationRunner, AppNodes.OrphanedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedExperiments.class);
    static final String REASON = "the application stopped while it was queued or running";
    static final String ORPHANED = "the node running it stopped (no heartbeat)";

    private final ExperimentRepository experiments;
    private final JobRequestScheduler jobs;
    private final AppNodes nodes;

    InterruptedExperiments(ExperimentRepository experiments, JobRequestScheduler jobs, AppNodes nodes) {
        this.experiments = experiments;
        this.jobs = jobs;
        this.nodes = nodes;
    }

    @Override
    public void run(ApplicationArguments args) {
        recover();
    }

    /** @return how many experiments were marked INTERRUPTED at start-up */
    int recover() {
        return interrupt(REASON, nodes.leftAtStart(), "left queued or running by a stopped application");
    }

    @Override
    public void interruptOrphaned(AppNodes appNodes) {
        interrupt(ORPHANED, appNodes.orphaned(), "of a node that stopped heartbeating");
    }

    private int interrupt(String reason, AppNodes.Condition which, String what) {
        List<UUID> jobIds = experiments.interrupt(reason, which);
        for (UUID jobId : jobIds) {
            if (jobId == null) {
                continue;
            }
            try {
                jobs.delete(jobId, "its experiment was interrupted");
            } catch (RuntimeException e) {
                log.debug("job {} of an interrupted experiment could not be deleted", jobId, e);
            }
        }
        if (!jobIds.isEmpty()) {
            log.warn("{} experiment(s) {} are marked INTERRUPTED", jobIds.size(), what);
        }
        return jobIds.size();
    }
}
