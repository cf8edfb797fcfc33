package org.amplify;

import java.util.List;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs left behind when a node stopped or died, for every module's {@link InterruptibleRuns}. At
 * start-up, before the job server starts, this node marks INTERRUPTED (and deletes the jobs of) the
 * runs it was running itself before it stopped, those of nodes that are gone, and the queued ones when
 * no other node is alive to take them; a live node's runs are never touched
 * ({@link AppNodes#leftAtStart()}). While it runs, at every heartbeat, it marks INTERRUPTED the running
 * runs of nodes that stopped heartbeating ({@link AppNodes#orphaned()}). Even if JobRunr ran such a job
 * again, its runner would leave it alone, since runners only run QUEUED ones; what was recorded
 * (points, transcripts) is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InterruptedRuns implements ApplicationRunner, AppNodes.OrphanedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);
    /** The error message of a run interrupted at start-up. */
    public static final String REASON = "the application stopped while it was queued or running";
    /** The error message of a run whose node stopped heartbeating. */
    public static final String ORPHANED = "the node running it stopped (no heartbeat)";

    private final ObjectProvider<InterruptibleRuns> stores;
    private final JobRequestScheduler jobs;
    private final AppNodes nodes;

    InterruptedRuns(ObjectProvider<InterruptibleRuns> stores, JobRequestScheduler jobs, AppNodes nodes) {
        this.stores = stores;
        this.jobs = jobs;
        this.nodes = nodes;
    }

    @Override
    public void run(ApplicationArguments args) {
        recover();
    }

    /** @return how many runs, of every kind, were marked INTERRUPTED at start-up */
    public int recover() {
        return interrupt(REASON, nodes.leftAtStart(), "left queued or running by a stopped application");
    }

    @Override
    public void interruptOrphaned(AppNodes appNodes) {
        interrupt(ORPHANED, appNodes.orphaned(), "of a node that stopped heartbeating");
    }

    private int interrupt(String reason, AppNodes.Condition which, String why) {
        int marked = 0;
        for (InterruptibleRuns store : stores.orderedStream().toList()) {
            List<UUID> jobIds = store.interrupt(reason, which);
            for (UUID jobId : jobIds) {
                if (jobId == null) {
                    continue;
                }
                try {
                    jobs.delete(jobId, "its run was interrupted");
                } catch (RuntimeException e) {
                    log.debug("job {} of an interrupted {} could not be deleted", jobId, store.what(), e);
                }
            }
            if (!jobIds.isEmpty()) {
                log.warn("{} {} {} are marked INTERRUPTED", jobIds.size(), store.what(), why);
            }
            marked += jobIds.size();
        }
        return marked;
    }
}
