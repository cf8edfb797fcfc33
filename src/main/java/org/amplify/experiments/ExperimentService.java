package org.amplify.experiments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amplify.BackgroundRuns;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.internal.ExperimentRepository;
import org.amplify.experiments.internal.RequestedSettings;
import org.amplify.experiments.internal.RunExperiment;
import org.amplify.models.ModelRegistry;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The experiments module's facade: start an experiment (it runs as a background job), follow its
 * points, cancel it.
 */
@Service
public class ExperimentService {

    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    static final int LIST_LIMIT = 200;

    private final ExperimentRepository experiments;
    private final RequestedSettings requestedSettings;
    private final BackgroundRuns runs;
    private final JobRequestScheduler jobs;
    private final Domains domains;
    private final ModelRegistry registry;

    ExperimentService(ExperimentRepository experiments, RequestedSettings requestedSettings, BackgroundRuns runs,
            JobRequestScheduler jobs, Domains domains, ModelRegistry registry) {
        this.registry = registry;
        this.experiments = experiments;
        this.requestedSettings = requestedSettings;
        this.runs = runs;
        this.jobs = jobs;
        this.domains = domains;
    }

    /**
     * Checks the request, stores the experiment QUEUED and enqueues its job.
     *
     * @param startedBy the user name of the admin
     * @throws ExperimentRejectedException naming every bad field
     */
    public Experiment start(ExperimentRequest request, String startedBy) {
        ExperimentSettings settings = requestedSettings.of(request);
        UUID jobId = UUID.randomUUID();
        // committed before the job is enqueued, so that the worker finds it
        long id = experiments.insert(settings, startedBy, jobId);
        try {
            jobs.enqueue(jobId, new RunExperiment(id));
        } catch (RuntimeException e) {
            experiments.failQueued(id, "could not be queued: " + e.getMessage());
            throw e;
        }
        log.info("Experiment {} queued by {}: {} {} N={} steps={} seed={}", id, startedBy, settings.domain(),
                settings.mode(), settings.size(), settings.steps(), settings.seed());
        return get(id);
    }

    /**
     * Checks a request without starting anything.
     *
     * @throws ExperimentRejectedException naming every bad field
     */
    public void check(ExperimentRequest request) {
        requestedSettings.of(request);
    }

    /**
     * Starts IA and SL with the same settings (the same seed: the same held-out questions and initial
     * weights), whatever mode the request names.
     *
     * @return the IA experiment, then the SL one
     */
    public List<Experiment> startSideBySide(ExperimentRequest request, String startedBy) {
        ExperimentRequest ia = request.withMode(Mode.IA);
        ExperimentSettings checked = requestedSettings.of(ia); // fills in the seed when none was given
        ia = ia.withSeed(checked.seed());
        return List.of(start(ia, startedBy), start(ia.withMode(Mode.SL), startedBy));
    }

    /**
     * Asks the experiment to stop: a queued one is CANCELLED at once; a running one stops at its next
     * step (within a second or so), keeps its points and registers the model it has, then is CANCELLED.
     *
     * @return the experiment as it is now (a running one may still say RUNNING, with cancelRequested)
     * @throws ExperimentFinishedException if it had already finished
     */
    public Experiment cancel(long id) {
        Experiment experiment = get(id);
        if (experiment.status().finished()) {
            throw new ExperimentFinishedException(experiment);
        }
        if (!runs.cancel(experiments, id)) {
            throw new ExperimentFinishedException(get(id));
        }
        if (experiments.cancelQueued(id)) {
            runs.forget(experiments, id);
            try {
                jobs.delete(experiment.jobId(), "its experiment was cancelled");
            } catch (RuntimeException e) {
                log.debug("the job of cancelled experiment {} could not be deleted; it will find nothing to do", id, e);
            }
        }
        log.info("Experiment {}: cancel requested", id);
        return get(id);
    }

    /** @throws ExperimentNotFoundException */
    public Experiment get(long id) {
        return experiments.find(id).orElseThrow(() -> new ExperimentNotFoundException(id));
    }

    /** Whether the model an experiment registered is its domain's champion now. */
    public boolean registeredChampion(Experiment experiment) {
        return experiment.modelVersionId() != null && registry.champion(experiment.domain())
                .map(champion -> champion.id() == experiment.modelVersionId()).orElse(false);
    }

    /**
     * Newest first (at most 200); every domain when {@code domain} is null.
     *
     * @throws ExperimentRejectedException for an unknown domain
     */
    public List<Experiment> list(String domain) {
        if (domain != null && domains.find(domain).isEmpty()) {
            throw new ExperimentRejectedException(
                    List.of(new ExperimentRejectedException.FieldProblem("domain", "unknown domain '" + domain + "'")));
        }
        return experiments.list(domain, LIST_LIMIT);
    }

    /** The points made after the given step (all of them for a negative step), in step order. */
    public List<ExperimentPoint> points(long id, int afterStep) {
        get(id);
        return experiments.points(id, afterStep);
    }

    public Optional<ExperimentPoint> latestPoint(long id) {
        return experiments.latestPoint(id);
    }

    /** For each mode, the newest experiment of the domain that has points: the curves to compare. */
    public Map<Mode, Experiment> latestCurves(String domain) {
        Map<Mode, Experiment> latest = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            experiments.latestWithPoints(domain, mode).ifPresent(experiment -> latest.put(mode, experiment));
        }
        return latest;
    }

    /** The domains an experiment may run on, with the sizes allowed for each. */
    public List<DomainLimits> domains() {
        List<DomainLimits> limits = new ArrayList<>();
        for (AlgorithmicDomain domain : domains.algorithmic()) {
            limits.add(new DomainLimits(domain.name(), domain.description(), requestedSettings.minSize(domain),
                    requestedSettings.maxSize(domain), Math.max(domain.defaultSize(), requestedSettings.minSize(domain))));
        }
        return limits;
    }

    /** A domain and the task sizes an experiment on it may ask for. */
    public record DomainLimits(String name, String description, int minSize, int maxSize, int defaultSize) {}
}
