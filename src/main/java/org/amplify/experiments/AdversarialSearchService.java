package org.amplify.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.internal.AdversarialSearchRepository;
import org.amplify.experiments.internal.RequestedSearch;
import org.amplify.experiments.internal.RunAdversarialSearch;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Adversarial searches (security amplification): start one on a registered X (it runs as a
 * background job, on the experiments' workers), follow it, list them.
 */
@Service
public class AdversarialSearchService {

    private static final Logger log = LoggerFactory.getLogger(AdversarialSearchService.class);
    static final int LIST_LIMIT = 200;

    private final AdversarialSearchRepository searches;
    private final RequestedSearch requestedSearch;
    private final JobRequestScheduler jobs;
    private final Domains domains;
    private final ModelRegistry registry;

    AdversarialSearchService(AdversarialSearchRepository searches, RequestedSearch requestedSearch,
            JobRequestScheduler jobs, Domains domains, ModelRegistry registry) {
        this.searches = searches;
        this.requestedSearch = requestedSearch;
        this.jobs = jobs;
        this.domains = domains;
        this.registry = registry;
    }

    /** The models a search may start from: trained here, of an algorithmic domain (newest first per domain). */
    public List<ModelVersion> searchableModels() {
        List<ModelVersion> models = new ArrayList<>();
        for (AlgorithmicDomain domain : domains.algorithmic()) {
            registry.versions(domain.name()).stream().filter(v -> v.kind() != ModelKind.IMPORT).forEach(models::add);
        }
        return models;
    }

    /**
     * Checks the request, stores the search QUEUED and enqueues its job.
     *
     * @param startedBy the user name of the admin
     * @throws ExperimentRejectedException naming every bad field
     */
    public AdversarialSearchRun start(AdversarialSearchRequest request, String startedBy) {
        RequestedSearch.Checked checked = requestedSearch.of(request);
        UUID jobId = UUID.randomUUID();
        long id = searches.insert(checked.model().id(), checked.domain().name(), checked.settings(), startedBy, jobId);
        try {
            jobs.enqueue(jobId, new RunAdversarialSearch(id));
        } catch (RuntimeException e) {
            searches.fail(id, ExperimentStatus.FAILED, "could not be queued: " + e.getMessage());
            throw e;
        }
        log.info("Adversarial search {} queued by {}: {} v{}, {} queries, {} training steps, seed {}", id, startedBy,
                checked.model().domain(), checked.model().version(), checked.settings().queries(),
                checked.settings().trainingSteps(), checked.settings().seed());
        return get(id);
    }

    /**
     * Checks a request without starting anything.
     *
     * @throws ExperimentRejectedException naming every bad field
     */
    public void check(AdversarialSearchRequest request) {
        requestedSearch.of(request);
    }

    /** @throws AdversarialSearchNotFoundException */
    public AdversarialSearchRun get(long id) {
        return searches.find(id).orElseThrow(() -> new AdversarialSearchNotFoundException(id));
    }

    /** The cases the search before found (the first few dozen), as stored. */
    public List<Map<String, Object>> foundCases(long id) {
        get(id);
        return searches.foundCases(id);
    }

    /** Newest first, at most 200. */
    public List<AdversarialSearchRun> list() {
        return searches.list(LIST_LIMIT);
    }
}
