package org.amplify.experiments.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amplify.BackgroundRuns;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one adversarial search on a background worker, in the lifecycle of {@link BackgroundRuns}:
 * claims it (QUEUED to RUNNING), loads X, runs the {@link AdversarialRound} (writing its phase and
 * progress about once a second), registers X trained with the found cases (kind IA, the searched
 * version its parent, the figures its metrics) and stores the figures. The application stopping ends
 * it INTERRUPTED; a failure is recorded with its message and never retried.
 */
@Component
public class AdversarialSearchRunner implements JobRequestHandler<RunAdversarialSearch> {

    private static final Logger log = LoggerFactory.getLogger(AdversarialSearchRunner.class);
    /** How often a running search writes its phase and progress. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** Found cases kept with the search, for people to look at. */
    static final int CASES_KEPT = 50;

    private final BackgroundRuns runs;
    private final AdversarialSearchRepository searches;
    private final Domains domains;
    private final Amplifier amplifier;
    private final ModelRegistry registry;
    private final JsonMapper json;

    AdversarialSearchRunner(BackgroundRuns runs, AdversarialSearchRepository searches, Domains domains,
            Amplifier amplifier, ModelRegistry registry, JsonMapper json) {
        this.runs = runs;
        this.searches = searches;
        this.domains = domains;
        this.amplifier = amplifier;
        this.registry = registry;
        this.json = json;
    }

    @Override
    @Job(name = "Adversarial search", retries = 0)
    public void run(RunAdversarialSearch job) {
        runs.run(searches, job.searchId(), this, CHECK_EVERY, this::run);
    }

    private void run(BackgroundRuns.Run<SearchProgress> run) {
        long id = run.id();
        AdversarialSearchRun search = searches.find(id).orElseThrow();
        AlgorithmicDomain domain = domains.get(search.domain());
        ModelVersion searched = registry.find(search.modelVersionId()).orElseThrow();
        AdversarialRound.Settings settings = new AdversarialRound.Settings(search.size(), search.maxLevel(),
                search.queries(), search.mutationShare(), search.trainingSteps(), search.seed());
        log.info("Adversarial search {} started: {} v{}, {} queries a search, {} training steps", id,
                searched.domain(), searched.version(), search.queries(), search.trainingSteps());
        AdversarialRound.Outcome outcome;
        try (AnswerModel model = registry.load(searched, domain)) {
            outcome = new AdversarialRound(domain, amplifier, settings).run(model,
                    (phase, done) -> run.update(new SearchProgress(phase, done)), run);
        }
        if (runs.shuttingDown()) {
            outcome.trained().close();
            throw run.stopped();
        }
        try (AnswerModel trained = outcome.trained()) {
            // with no training steps, X was only searched: there is no new model to register
            ModelVersion version = search.trainingSteps() == 0 ? null
                    : registry.register(trained, ModelKind.IA, searched.id(),
                            json.convertValue(metrics(id, search, outcome), new TypeReference<Map<String, Object>>() { }));
            searches.succeed(id, outcome.before(), outcome.after(), outcome.control(), cases(domain, outcome),
                    version == null ? null : version.id());
            log.info("Adversarial search {} succeeded: {} per 1000 before, {} after, {} control; model {}", id,
                    outcome.before().perThousand(), outcome.after().perThousand(),
                    outcome.control().perThousand(), version == null ? "none" : "v" + version.version());
        }
    }

    private static SearchMetrics metrics(long id, AdversarialSearchRun search, AdversarialRound.Outcome outcome) {
        return new SearchMetrics(id, search.size(), outcome.after().trainingSteps(),
                outcome.after().heldOutAccuracy(), search.queries(), outcome.before().perThousand(),
                outcome.after().perThousand(), outcome.control().perThousand(), outcome.before().disagreements(),
                outcome.priorityPerBatch(), outcome.wallMillis());
    }

    private static List<FoundCase> cases(AlgorithmicDomain domain, AdversarialRound.Outcome outcome) {
        List<FoundCase> cases = new ArrayList<>();
        for (AdversarialSearch.Case found : outcome.found().found()) {
            if (cases.size() == CASES_KEPT) {
                break;
            }
            List<String> facts = new ArrayList<>();
            for (int[] fact : found.context().facts()) {
                facts.add(domain.factNotation(fact));
            }
            cases.add(new FoundCase(domain.describe(found.question()), domain.notation(found.question()),
                    domain.describeAnswer(found.answer()), domain.describeAnswer(found.target()),
                    found.targetProbability(), found.origin(), facts));
        }
        return cases;
    }
}
