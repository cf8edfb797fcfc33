package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amplify.AppNodes;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one adversarial search on a background worker: claims it (QUEUED to RUNNING), loads X, runs
 * the {@link AdversarialRound} (writing its phase and progress about once a second), registers X
 * trained with the found cases (kind IA, the searched version its parent, the figures its metrics)
 * and stores the figures. A failure is recorded with its message and never retried.
 */
@Component
public class AdversarialSearchRunner implements JobRequestHandler<RunAdversarialSearch> {

    private static final Logger log = LoggerFactory.getLogger(AdversarialSearchRunner.class);
    private static final long PROGRESS_NANOS = 1_000_000_000L;
    /** Found cases kept with the search, for people to look at. */
    static final int CASES_KEPT = 50;

    private final AppNodes nodes;
    private final AdversarialSearchRepository searches;
    private final CancellationFlags flags;
    private final Domains domains;
    private final Amplifier amplifier;
    private final ModelRegistry registry;

    AdversarialSearchRunner(AdversarialSearchRepository searches, CancellationFlags flags, Domains domains,
            Amplifier amplifier, ModelRegistry registry, AppNodes nodes) {
        this.nodes = nodes;
        this.searches = searches;
        this.flags = flags;
        this.domains = domains;
        this.amplifier = amplifier;
        this.registry = registry;
    }

    @Override
    @Job(name = "Adversarial search", retries = 0)
    public void run(RunAdversarialSearch job) {
        long id = job.searchId();
        try {
            if (!searches.claim(id, nodes.id())) {
                log.info("Adversarial search {} is no longer queued: not run", id);
                return;
            }
            AdversarialSearchRun search = searches.find(id).orElseThrow();
            AlgorithmicDomain domain = domains.get(search.domain());
            ModelVersion searched = registry.find(search.modelVersionId()).orElseThrow();
            AdversarialRound.Settings settings = new AdversarialRound.Settings(search.size(), search.maxLevel(),
                    search.queries(), search.mutationShare(), search.trainingSteps(), search.seed());
            log.info("Adversarial search {} started: {} v{}, {} queries a search, {} training steps", id,
                    searched.domain(), searched.version(), search.queries(), search.trainingSteps());
            long[] lastWrite = {0};
            AdversarialRound.Outcome outcome;
            try (AnswerModel model = registry.load(searched, domain)) {
                outcome = new AdversarialRound(domain, amplifier, settings).run(model, (phase, done) -> {
                    long now = System.nanoTime();
                    if (now - lastWrite[0] >= PROGRESS_NANOS) {
                        lastWrite[0] = now;
                        searches.progress(id, phase.name(), done);
                    }
                }, () -> flags.shuttingDown() || Thread.currentThread().isInterrupted());
            }
            if (flags.shuttingDown()) {
                outcome.trained().close();
                searches.fail(id, ExperimentStatus.INTERRUPTED, ExperimentRunner.STOPPED_BY_SHUTDOWN);
                return;
            }
            try (AnswerModel trained = outcome.trained()) {
                // with no training steps, X was only searched: there is no new model to register
                ModelVersion version = search.trainingSteps() == 0 ? null
                        : registry.register(trained, ModelKind.IA, searched.id(), metrics(id, search, outcome));
                searches.succeed(id, outcome.before(), outcome.after(), outcome.control(), cases(domain, outcome),
                        version == null ? null : version.id());
                log.info("Adversarial search {} succeeded: {} per 1000 before, {} after, {} control; model {}", id,
                        outcome.before().perThousand(), outcome.after().perThousand(),
                        outcome.control().perThousand(), version == null ? "none" : "v" + version.version());
            }
        } catch (RuntimeException | Error e) {
            log.error("Adversarial search {} failed", id, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            searches.fail(id, ExperimentStatus.FAILED, message.length() > 2000 ? message.substring(0, 2000) : message);
            throw e;
        }
    }

    private static Map<String, Object> metrics(long id, AdversarialSearchRun search, AdversarialRound.Outcome outcome) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("adversarialSearchId", id);
        metrics.put("size", search.size());
        metrics.put("steps", outcome.after().trainingSteps());
        metrics.put("accuracy", outcome.after().heldOutAccuracy());
        metrics.put("queries", search.queries());
        metrics.put("disagreementsPerThousandBefore", outcome.before().perThousand());
        metrics.put("disagreementsPerThousandAfter", outcome.after().perThousand());
        metrics.put("disagreementsPerThousandControl", outcome.control().perThousand());
        metrics.put("foundCases", outcome.before().disagreements());
        metrics.put("priorityPerBatch", outcome.priorityPerBatch());
        metrics.put("wallMillis", outcome.wallMillis());
        return metrics;
    }

    private static List<Map<String, Object>> cases(AlgorithmicDomain domain, AdversarialRound.Outcome outcome) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (AdversarialSearch.Case found : outcome.found().found()) {
            if (cases.size() == CASES_KEPT) {
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("question", domain.describe(found.question()));
            row.put("notation", domain.notation(found.question()));
            row.put("answer", domain.describeAnswer(found.answer()));
            row.put("target", domain.describeAnswer(found.target()));
            row.put("targetProbability", found.targetProbability());
            row.put("origin", found.origin());
            List<String> facts = new ArrayList<>();
            for (int[] fact : found.context().facts()) {
                facts.add(domain.factNotation(fact));
            }
            row.put("context", facts);
            cases.add(row);
        }
        return cases;
    }

}
