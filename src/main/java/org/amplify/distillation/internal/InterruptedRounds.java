package org.amplify.distillation.internal;

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
 * At start-up, before the job server starts: a round still QUEUED or RUNNING was left by an
 * application that stopped or died, so it is marked INTERRUPTED and its job deleted. It registered
 * nothing (a model is registered only after its file is complete) and the champion is unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedRounds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRounds.class);
    static final String REASON = "the application stopped while it was queued or running";

    private final RoundRepository rounds;
    private final JobRequestScheduler jobs;

    InterruptedRounds(RoundRepository rounds, JobRequestScheduler jobs) {
        this.rounds = rounds;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<UUID> jobIds = rounds.interruptUnfinished(REASON);
        for (UUID jobId : jobIds) {
            if (jobId != null) {
                try {
                    jobs.delete(jobId, "its round was interrupted");
                } catch (RuntimeException e) {
                    log.debug("job {} of an interrupted round could not be deleted", jobId, e);
                }
            }
        }
        if (!jobIds.isEmpty()) {
            log.warn("{} round(s) left queued or running by a stopped application are marked INTERRUPTED",
                    jobIds.size());
        }
    }
}
