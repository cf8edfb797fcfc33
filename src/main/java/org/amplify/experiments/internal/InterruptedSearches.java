package org.amplify.experiments.internal;

import java.util.List;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the background job server starts: an adversarial search still QUEUED or
 * RUNNING was left by an application that stopped or died, so it is marked INTERRUPTED and its job
 * deleted, as {@link InterruptedExperiments} does for experiments (one application node).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedSearches implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedSearches.class);

    private final AdversarialSearchRepository searches;
    private final JobRequestScheduler jobs;

    InterruptedSearches(AdversarialSearchRepository searches, JobRequestScheduler jobs) {
        this.searches = searches;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<UUID> jobIds = searches.interruptUnfinished(InterruptedExperiments.REASON);
        for (UUID jobId : jobIds) {
            try {
                jobs.delete(jobId, "its adversarial search was interrupted");
            } catch (RuntimeException e) {
                log.debug("job {} of an interrupted adversarial search could not be deleted", jobId, e);
            }
        }
        if (!jobIds.isEmpty()) {
            log.warn("{} adversarial search(es) left queued or running by a stopped application are marked INTERRUPTED",
                    jobIds.size());
        }
    }
}
