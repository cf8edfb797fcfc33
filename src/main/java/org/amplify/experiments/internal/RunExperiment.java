package org.amplify.experiments.internal;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The background job of one experiment, as JobRunr stores it: just the experiment's id. */
public record RunExperiment(long experimentId) implements JobRequest {

    @Override
    public Class<ExperimentRunner> getJobRequestHandler() {
        return ExperimentRunner.class;
    }
}
