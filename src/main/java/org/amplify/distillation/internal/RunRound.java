package org.amplify.distillation.internal;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The background job of one round, as JobRunr stores it: just the round's id. */
public record RunRound(long roundId) implements JobRequest {

    @Override
    public Class<RoundRunner> getJobRequestHandler() {
        return RoundRunner.class;
    }
}
