package org.amplify.experiments.internal;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The background job of one adversarial search, as JobRunr stores it: just the search's id. */
public record RunAdversarialSearch(long searchId) implements JobRequest {

    @Override
    public Class<AdversarialSearchRunner> getJobRequestHandler() {
        return AdversarialSearchRunner.class;
    }
}
