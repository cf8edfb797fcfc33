package org.amplify.distillation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amplify.BackgroundRuns;
import org.amplify.distillation.DistillationProperties;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundPhase;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.models.AnswerModel;
import org.amplify.models.Majority;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextExample;
import org.amplify.models.TextModel;
import org.amplify.models.TextTraining;
import org.amplify.models.TrainingCancelledException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Transcript;
import org.amplify.questions.Tree;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one round on a background worker, in the lifecycle of {@link BackgroundRuns}: snapshot, train
 * X(k+1) from the champion X(k) (or from scratch), evaluate both on the held-out part of the
 * snapshot, register, and promote when asked, at least {@code min-promotion-accuracy} and better than
 * the parent ({@link PromotionDecision}, whose reason the round keeps). A cancel or a shutdown stops it
 * at the next training step; it then registers nothing (the snapshot stays, as snapshots never change)
 * and the champion is unchanged. A round that trains the student (the champion is an endpoint) makes
 * its version the {@code student} instead, by the same decision; the champion stays the endpoint.
 */
@Component
public class RoundRunner implements JobRequestHandler<RunRound> {

    private static final Logger log = LoggerFactory.getLogger(RoundRunner.class);
    /** How often a running round writes its progress and reads a cancel in the database. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final BackgroundRuns runs;
    private final RoundRepository rounds;
    private final QuestionService questions;
    private final ModelRegistry registry;
    private final DistillationProperties properties;
    private final Domains domains;
    private final JsonMapper json;

    RoundRunner(BackgroundRuns runs, RoundRepository rounds, QuestionService questions, ModelRegistry registry,
            DistillationProperties properties, Domains domains, JsonMapper json) {
        this.runs = runs;
        this.domains = domains;
        this.rounds = rounds;
        this.questions = questions;
        this.registry = registry;
        this.properties = properties;
        this.json = json;
    }

    @Override
    @Job(name = "Distillation round", retries = 0)
    public void run(RunRound job) {
        runs.run(rounds, job.roundId(), this, CHECK_EVERY, this::run);
    }

    private void run(BackgroundRuns.Run<RoundProgress> run) {
        long id = run.id();
        Round round = rounds.find(id).orElseThrow();
        RoundOptions options = rounds.options(id);
        run.progress(RoundProgress.of(RoundPhase.SNAPSHOT, 0, 0));
        long snapshot = rounds.snapshot(id, round.domain(), options.transcripts());
        List<Transcript> transcripts = questions.transcripts(options.transcripts());
        Optional<ModelVersion> parentVersion = round.parentVersionId() == null ? Optional.empty()
                : registry.find(round.parentVersionId());
        RoundMetrics.Start start = new RoundMetrics.Start(id, snapshot, transcripts.size(), !options.majorityOnly());
        Optional<AlgorithmicDomain> algorithmic = domains.find(round.domain());
        Trained trained;
        try {
            trained = algorithmic.isPresent()
                    ? trainAlgorithmic(run, algorithmic.get(), transcripts, parentVersion, options, start)
                    : trainText(run, transcripts, parentVersion, options, start);
        } catch (TrainingCancelledException e) {
            throw run.stopped();
        }
        RoundMetrics metrics = trained.metrics();
        ModelVersion version = trained.version();
        PromotionDecision decision = PromotionDecision.decide(options.autoPromote(), metrics.accuracy(),
                metrics.parentAccuracy(), parentVersion.map(p -> "v" + p.version()).orElse(null),
                properties.minPromotionAccuracy());
        if (options.forStudent()) {
            decision = decision.forStudent();
        }
        if (decision.promote()) {
            int total = run.latest().totalSteps();
            run.progress(RoundProgress.of(RoundPhase.PROMOTE, total, total));
            if (options.forStudent()) {
                registry.promoteStudent(version.id(), round.startedBy());
            } else {
                registry.promote(version.id(), round.startedBy());
            }
        }
        rounds.succeed(id, version.id(), decision.promote(), decision.reason(), asMap(metrics));
        log.info("Round {} of {} succeeded: {} v{}, held-out accuracy {} (parent {}). {}", id, round.domain(),
                version.domain(), version.version(), metrics.accuracy(), metrics.parentAccuracy(), decision.reason());
    }

    /** The version a round registered, with what it measured. */
    private record Trained(ModelVersion version, RoundMetrics metrics) {}

    /** Trains, evaluates and registers the {@code text} model of a round. */
    private Trained trainText(BackgroundRuns.Run<RoundProgress> run, List<Transcript> transcripts,
            Optional<ModelVersion> parentVersion, RoundOptions options, RoundMetrics.Start start) {
        long id = run.id();
        long seed = options.seed();
        TrainingExamples.Split split = TrainingExamples.split(transcripts, properties.heldOutShare(), seed,
                options.majorityOnly());
        // an imported encoder (TorchScript) has no parameters to train from: the round starts from scratch,
        // its lineage still records the import as its parent
        try (TextModel parent = trainable(parentVersion).map(registry::loadText).orElse(null)) {
            TextTraining training = TextTraining.defaults().withEpochs(options.epochs());
            int total = TextModel.totalSteps(split.train().size(), training);
            run.progress(RoundProgress.of(RoundPhase.TRAIN, 0, total));
            try (TextModel model = TextModel.train(split.train(), parent, training, seed,
                    step -> run.update(RoundProgress.of(RoundPhase.TRAIN, step, total)), run)) {
                run.progress(new RoundProgress(RoundPhase.EVALUATE, total, total, model.loss(split.train())));
                RoundMetrics metrics = new RoundMetrics(id, start.snapshotId(), start.transcripts(),
                        start.softTargets(), split.train().size(), split.heldOut().size(), null, null,
                        model.loss(split.train()), accuracy(model, split.heldOut()),
                        parent == null ? null : accuracy(parent, split.heldOut()),
                        split.heldOut().isEmpty() ? null : model.loss(split.heldOut()), null, null);
                run.progress(RoundProgress.of(RoundPhase.REGISTER, total, total));
                return new Trained(registry.register(model, ModelKind.ROUND,
                        parentVersion.map(ModelVersion::id).orElse(null), asMap(metrics)), metrics);
            }
        }
    }

    /**
     * Trains, evaluates and registers X(k+1) of an algorithmic domain: on the held-out transcripts
     * and on fresh questions with their ground truth, next to X(k) on the same items.
     */
    private Trained trainAlgorithmic(BackgroundRuns.Run<RoundProgress> run, AlgorithmicDomain domain,
            List<Transcript> transcripts, Optional<ModelVersion> parentVersion, RoundOptions options,
            RoundMetrics.Start start) {
        long id = run.id();
        long seed = options.seed();
        AlgorithmicRound training = new AlgorithmicRound(domain, treeId -> {
            Tree tree = questions.tree(treeId);
            return QuestionService.contextOf(domain, tree.contextSize(), tree.contextSeed(), tree.contextFacts());
        });
        AlgorithmicRound.Examples examples = training.examples(transcripts, properties.heldOutShare(), seed,
                options.majorityOnly());
        int epochs = options.epochs();
        int total = AlgorithmicRound.totalSteps(examples.train().size(), epochs);
        run.progress(RoundProgress.of(RoundPhase.TRAIN, 0, total));
        try (AnswerModel parent = trainable(parentVersion).map(v -> registry.load(v, domain)).orElse(null);
                AlgorithmicRound.Trained trained = training.train(examples, parent, epochs, seed,
                        step -> run.update(RoundProgress.of(RoundPhase.TRAIN, step, total)), run)) {
            AnswerModel model = trained.model();
            run.progress(new RoundProgress(RoundPhase.EVALUATE, total, total, trained.lastEpochLoss()));
            RoundMetrics metrics = new RoundMetrics(id, start.snapshotId(), start.transcripts(), start.softTargets(),
                    examples.train().size(), examples.heldOut().size(), examples.skipped(),
                    trained.firstEpochLoss(), trained.lastEpochLoss(),
                    AlgorithmicRound.accuracy(model, examples.heldOut()),
                    parent == null ? null : AlgorithmicRound.accuracy(parent, examples.heldOut()), null,
                    training.groundTruth(model, seed), parent == null ? null : training.groundTruth(parent, seed));
            run.progress(RoundProgress.of(RoundPhase.REGISTER, total, total));
            return new Trained(registry.register(model, ModelKind.ROUND,
                    parentVersion.map(ModelVersion::id).orElse(null), asMap(metrics)), metrics);
        }
    }

    /** The metrics as the registry and the round's JSON column keep them. */
    private Map<String, Object> asMap(RoundMetrics metrics) {
        return json.convertValue(metrics, new TypeReference<Map<String, Object>>() { });
    }

    /**
     * The parent, unless it is an import (a TorchScript file) or an endpoint: those have no weights a
     * round can start from.
     */
    private static Optional<ModelVersion> trainable(Optional<ModelVersion> parent) {
        return parent.filter(v -> v.kind() != ModelKind.IMPORT && v.kind() != ModelKind.ENDPOINT);
    }

    /** The share of held-out examples whose best target answer the members' majority gives; null when there are none. */
    static Double accuracy(TextModel model, List<TextExample> heldOut) {
        if (heldOut.isEmpty()) {
            return null;
        }
        int right = 0;
        for (TextExample example : heldOut) {
            List<String> votes = new ArrayList<>();
            for (int m = 0; m < model.members(); m++) {
                votes.add(model.answer(m, example.question()).answer());
            }
            String majority = votes.isEmpty() ? null : Majority.of(votes).answer();
            String target = example.targets().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            right += majority != null && majority.equalsIgnoreCase(target) ? 1 : 0;
        }
        return (double) right / heldOut.size();
    }
}
