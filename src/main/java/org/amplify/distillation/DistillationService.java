package org.amplify.distillation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amplify.BackgroundRuns;
import org.amplify.distillation.internal.CascadeStatistics;
import org.amplify.distillation.internal.RoundOptions;
import org.amplify.distillation.internal.RoundRepository;
import org.amplify.distillation.internal.RunRound;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.questions.QuestionService;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The distillation module's facade: start a round for a domain (one at a time), follow it, cancel it.
 * A round runs as a background job ({@code RoundRunner}): snapshot, train, evaluate, register, promote.
 * While the champion of {@code text} is a language model behind an endpoint, a round of {@code text}
 * trains the small model of the cascade instead, from the current {@code student}, and makes it the
 * student ({@link ModelRegistry#student}); the champion stays the endpoint.
 */
@Service
public class DistillationService {

    private final RoundRepository rounds;
    private final BackgroundRuns runs;
    private final JobRequestScheduler jobs;
    private final QuestionService questions;
    private final ModelRegistry registry;
    private final DistillationProperties properties;
    private final CascadeStatistics cascade;

    DistillationService(RoundRepository rounds, BackgroundRuns runs, JobRequestScheduler jobs,
            QuestionService questions, ModelRegistry registry, DistillationProperties properties,
            CascadeStatistics cascade) {
        this.cascade = cascade;
        this.rounds = rounds;
        this.runs = runs;
        this.jobs = jobs;
        this.questions = questions;
        this.registry = registry;
        this.properties = properties;
    }

    /** The domains a round can train: {@code text} and the algorithmic domains. */
    public List<String> domains() {
        return questions.domainNames();
    }

    public DistillationProperties settings() {
        return properties;
    }

    /**
     * Starts a round: the transcripts it will snapshot are chosen now (those in no snapshot yet, or
     * all), and it trains from the domain's champion (from its student while the champion is an endpoint).
     *
     * @throws RoundRejectedException for an unknown domain, bad options, nothing to train on, or a
     *     round of the domain already queued or running
     */
    @Transactional
    public Round start(RoundRequest request, String startedBy) {
        String domain = request.domain() == null ? "" : request.domain();
        if (!domains().contains(domain)) {
            throw new RoundRejectedException("domain", "Unknown domain '" + domain + "'.", false);
        }
        int epochs = request.epochs() == null ? properties.epochs() : request.epochs();
        if (epochs < 1 || epochs > properties.maxEpochs()) {
            throw new RoundRejectedException("epochs", "must be between 1 and " + properties.maxEpochs(), false);
        }
        rounds.unfinished(domain).ifPresent(running -> {
            throw new RoundRejectedException("domain", "Round #" + running.id() + " of " + domain
                    + " is still " + running.status().name().toLowerCase() + ": one round at a time per domain.", true);
        });
        List<Long> transcripts = questions.submittedWorkspaceIds(domain);
        if (!request.snapshotAll()) {
            Set<Long> done = new HashSet<>(rounds.snapshotted(domain));
            transcripts = transcripts.stream().filter(id -> !done.contains(id)).toList();
        }
        if (transcripts.isEmpty()) {
            throw new RoundRejectedException("allTranscripts", request.snapshotAll()
                    ? "No completed transcript in " + domain + " yet: experts answer questions first."
                    : "Every completed transcript of " + domain + " is in a snapshot already: wait for new ones, "
                    + "or snapshot all of them.", true);
        }
        Optional<ModelVersion> champion = registry.champion(domain);
        // the champion is a language model behind an endpoint: the round trains the cascade's small model
        boolean student = champion.map(c -> c.kind() == ModelKind.ENDPOINT).orElse(false);
        RoundOptions options = new RoundOptions(request.snapshotAll(),
                request.autoPromote() == null ? properties.autoPromote() : request.autoPromote(), epochs,
                request.seed() == null ? 1L : request.seed(), request.majorityTargetsOnly(), transcripts, student);
        Long parent = (student ? registry.student(domain) : champion).map(ModelVersion::id).orElse(null);
        long id = rounds.insert(domain, options, startedBy, parent).orElseThrow(() -> new RoundRejectedException(
                "domain", "A round of " + domain + " is already queued or running: one round at a time per domain.",
                true));
        JobId job = jobs.enqueue(new RunRound(id));
        rounds.jobId(id, job.asUUID());
        return get(id);
    }

    public Round get(long id) {
        return rounds.find(id).orElseThrow(() -> new RoundNotFoundException(id));
    }

    /** Newest first; every domain when {@code domain} is null. */
    public List<Round> list(String domain) {
        return rounds.list(domain, 200);
    }

    /** Stops a queued round at once, a running one at its next training step (within a second). */
    public Round cancel(long id) {
        Round round = get(id);
        if (round.status().finished()) {
            throw new RoundRejectedException(null, "Round #" + id + " already ended ("
                    + round.status().name().toLowerCase() + ").", true);
        }
        runs.cancel(rounds, id);
        return get(id);
    }

    /** Whether the version a round registered is its domain's champion now (promoted by the round or since). */
    public boolean registeredChampion(Round round) {
        return round.modelVersionId() != null && registry.champion(round.domain())
                .map(champion -> champion.id() == round.modelVersionId()).orElse(false);
    }

    /** Whether the version a round registered is its domain's student now (made so by the round or since). */
    public boolean registeredStudent(Round round) {
        return round.modelVersionId() != null && registry.student(round.domain())
                .map(student -> student.id() == round.modelVersionId()).orElse(false);
    }

    /** Whether a round of the domain started now would train its student: its champion is an endpoint. */
    public boolean wouldTrainStudent(String domain) {
        return registry.champion(domain).map(c -> c.kind() == ModelKind.ENDPOINT).orElse(false);
    }

    /** Whether a round trained its domain's student (the champion was an endpoint when it started). */
    public boolean trainsStudent(long roundId) {
        return rounds.options(roundId).forStudent();
    }

    /**
     * The cascade round by round in {@code text}: the share of subquestions the small model answered
     * since the previous round, its held-out accuracy, the calls to the endpoint (oldest first).
     */
    public List<CascadeRound> cascade() {
        Set<Long> student = rounds.studentRounds("text");
        return cascade.rounds(rounds.list("text", 200), student::contains);
    }

    /** The transcripts a round's snapshot froze, in order (empty before its snapshot phase). */
    public List<Long> snapshotTranscripts(long roundId) {
        Round round = get(roundId);
        return round.snapshotId() == null ? List.of() : rounds.snapshotTranscripts(round.snapshotId());
    }
}
