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
 * At start-up, before the background job server starts (it starts when the application is ready,
 * after every runner): an experiment still QUEUED or RUNNING was left by an application that
 * stopped or died, so it is marked INTERRUPTED, its points kept, and its job deleted. Even if
 * JobRunr ran that job again, the runner would leave it alone, since it only runs QUEUED ones.
 *
 * <p>This assumes one application node, as with the embedded database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedExperiments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedExperiments.class);
    static final String REASON = "the application stopped while it was queued or running";

    private final ExperimentRepository experiments;
    private final JobRequestScheduler jobs;

    InterruptedExperiments(ExperimentRepository experiments, JobRequestScheduler jobs) {
        this.experiments = experiments;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        recover();
    }

    /** @return how many experiments were marked INTERRUPTED */
    int recover() {
        List<UUID> jobIds = experiments.interruptUnfinished(REASON);
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
            log.warn("{} experiment(s) left queued or running by a stopped application are marked INTERRUPTED",
                    jobIds.size());
        }
        return jobIds.size();
    }
}
