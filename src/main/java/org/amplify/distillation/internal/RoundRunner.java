package org.amplify.distillation.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.amplify.AppNodes;
import org.amplify.distillation.DistillationProperties;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundPhase;
import org.amplify.distillation.RoundStatus;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.models.AnswerModel;
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

/**
 * Runs one round on a background worker: snapshot, train X(k+1) from the champion X(k) (or from
 * scratch), evaluate both on the held-out part of the snapshot, register, and promote when asked,
 * at least {@code min-promotion-accuracy} and better than the parent ({@link PromotionDecision}, whose reason the
 * round keeps). A cancel or a shutdown stops it at the next training step; it then registers nothing
 * (the snapshot stays, as snapshots never change) and the champion is unchanged.
 */
@Component
public class RoundRunner implements JobRequestHandler<RunRound> {

    private static final Logger log = LoggerFactory.getLogger(RoundRunner.class);
    private static final long DATABASE_CHECK_NANOS = 500_000_000L;
    static final String STOPPED_BY_SHUTDOWN = "the application stopped during the round";

    private final AppNodes nodes;
    private final RoundRepository rounds;
    private final RoundFlags flags;
    private final QuestionService questions;
    private final ModelRegistry registry;
    private final DistillationProperties properties;
    private final Domains domains;

    RoundRunner(RoundRepository rounds, RoundFlags flags, QuestionService questions, ModelRegistry registry,
            DistillationProperties properties, Domains domains, AppNodes nodes) {
        this.nodes = nodes;
        this.domains = domains;
        this.rounds = rounds;
        this.flags = flags;
        this.questions = questions;
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    @Job(name = "Distillation round", retries = 0)
    public void run(RunRound job) {
        long id = job.roundId();
        Stop stop = new Stop(id);
        try {
            if (!rounds.claim(id, nodes.id())) {
                log.info("Round {} is no longer queued (cancelled or interrupted): not run", id);
                return;
            }
            Round round = rounds.find(id).orElseThrow();
            Map<String, Object> options = rounds.options(id);
            boolean majorityOnly = Boolean.TRUE.equals(options.get("majorityOnly"));

            rounds.progress(id, RoundPhase.SNAPSHOT, 0, 0, null);
            List<Long> ids = ((List<?>) options.get("transcripts")).stream().map(o -> ((Number) o).longValue())
                    .toList();
            long snapshot = rounds.snapshot(id, round.domain(), ids);
            List<Transcript> transcripts = questions.transcripts(ids);
            Optional<ModelVersion> parentVersion = round.parentVersionId() == null ? Optional.empty()
                    : registry.find(round.parentVersionId());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("roundId", id);
            metrics.put("snapshotId", snapshot);
            metrics.put("transcripts", transcripts.size());
            metrics.put("softTargets", !majorityOnly);
            Long parentId = parentVersion.map(ModelVersion::id).orElse(null);
            Optional<AlgorithmicDomain> algorithmic = domains.find(round.domain());
            ModelVersion version = algorithmic.isPresent()
                    ? trainAlgorithmic(id, algorithmic.get(), transcripts, parentVersion, options, stop, metrics)
                    : trainText(id, transcripts, parentVersion, options, stop, metrics);
            Double accuracy = (Double) metrics.get("accuracy");
            Double parentAccuracy = (Double) metrics.get("parentAccuracy");
            PromotionDecision decision = PromotionDecision.decide(Boolean.TRUE.equals(options.get("autoPromote")),
                    accuracy, parentAccuracy, parentVersion.map(p -> "v" + p.version()).orElse(null),
                    properties.minPromotionAccuracy());
            if (decision.promote()) {
                rounds.progress(id, RoundPhase.PROMOTE, stop.total, stop.total, null);
                registry.promote(version.id(), round.startedBy());
            }
            rounds.finish(id, RoundStatus.SUCCEEDED, null, version.id(), decision.promote(), decision.reason(), metrics);
            log.info("Round {} of {} succeeded: {} v{}, held-out accuracy {} (parent {}). {}", id, round.domain(),
                    version.domain(), version.version(), accuracy, parentAccuracy, decision.reason());
        } catch (TrainingCancelledException e) {
            boolean shutdown = stop.byShutdown;
            rounds.finish(id, shutdown ? RoundStatus.INTERRUPTED : RoundStatus.CANCELLED,
                    shutdown ? STOPPED_BY_SHUTDOWN : null, null, false, null, Map.of());
            log.info("Round {} {}: nothing registered", id, shutdown ? "interrupted" : "cancelled");
        } catch (RuntimeException | Error e) {
            log.error("Round {} failed", id, e);
            rounds.finish(id, RoundStatus.FAILED, message(e), null, false, null, Map.of());
            throw e;
        } finally {
            flags.forget(id);
        }
    }

    /** Trains, evaluates and registers the {@code text} model of a round; fills in the metrics. */
    private ModelVersion trainText(long id, List<Transcript> transcripts, Optional<ModelVersion> parentVersion,
            Map<String, Object> options, Stop stop, Map<String, Object> metrics) {
        long seed = ((Number) options.getOrDefault("seed", 1)).longValue();
        TrainingExamples.Split split = TrainingExamples.split(transcripts, properties.heldOutShare(), seed,
                Boolean.TRUE.equals(options.get("majorityOnly")));
        // an imported encoder (TorchScript) has no parameters to train from: the round starts from scratch,
        // its lineage still records the import as its parent
        try (TextModel parent = trainable(parentVersion).map(registry::loadText).orElse(null)) {
            TextTraining training = TextTraining.defaults().withEpochs(((Number) options.get("epochs")).intValue());
            int total = TextModel.totalSteps(split.train().size(), training);
            stop.step(0, total);
            rounds.progress(id, RoundPhase.TRAIN, 0, total, null);
            try (TextModel model = TextModel.train(split.train(), parent, training, seed,
                    step -> stop.step(step, total), stop)) {
                rounds.progress(id, RoundPhase.EVALUATE, total, total, model.loss(split.train()));
                metrics.put("trainExamples", split.train().size());
                metrics.put("heldOutExamples", split.heldOut().size());
                metrics.put("accuracy", accuracy(model, split.heldOut()));
                metrics.put("parentAccuracy", parent == null ? null : accuracy(parent, split.heldOut()));
                metrics.put("trainLoss", model.loss(split.train()));
                if (!split.heldOut().isEmpty()) {
                    metrics.put("heldOutLoss", model.loss(split.heldOut()));
                }
                rounds.progress(id, RoundPhase.REGISTER, total, total, null);
                return registry.register(model, ModelKind.ROUND, parentVersion.map(ModelVersion::id).orElse(null),
                        metrics);
            }
        }
    }

    /**
     * Trains, evaluates and registers X(k+1) of an algorithmic domain: on the held-out transcripts
     * and on fresh questions with their ground truth, next to X(k) on the same items.
     */
    private ModelVersion trainAlgorithmic(long id, AlgorithmicDomain domain, List<Transcript> transcripts,
            Optional<ModelVersion> parentVersion, Map<String, Object> options, Stop stop, Map<String, Object> metrics) {
        long seed = ((Number) options.getOrDefault("seed", 1)).longValue();
        AlgorithmicRound training = new AlgorithmicRound(domain, treeId -> {
            Tree tree = questions.tree(treeId);
            return QuestionService.contextOf(domain, tree.contextSize(), tree.contextSeed(), tree.contextFacts());
        });
        AlgorithmicRound.Examples examples = training.examples(transcripts, properties.heldOutShare(), seed,
                Boolean.TRUE.equals(options.get("majorityOnly")));
        int epochs = ((Number) options.get("epochs")).intValue();
        int total = AlgorithmicRound.totalSteps(examples.train().size(), epochs);
        stop.step(0, total);
        rounds.progress(id, RoundPhase.TRAIN, 0, total, null);
        try (AnswerModel parent = trainable(parentVersion).map(v -> registry.load(v, domain)).orElse(null);
                AlgorithmicRound.Trained trained = training.train(examples, parent, epochs, seed,
                        step -> stop.step(step, total), stop)) {
            AnswerModel model = trained.model();
            rounds.progress(id, RoundPhase.EVALUATE, total, total, trained.lastEpochLoss());
            metrics.put("trainExamples", examples.train().size());
            metrics.put("heldOutExamples", examples.heldOut().size());
            metrics.put("skippedTargets", examples.skipped());
            metrics.put("firstEpochLoss", trained.firstEpochLoss());
            metrics.put("trainLoss", trained.lastEpochLoss());
            metrics.put("accuracy", AlgorithmicRound.accuracy(model, examples.heldOut()));
            metrics.put("parentAccuracy", parent == null ? null : AlgorithmicRound.accuracy(parent, examples.heldOut()));
            metrics.put("groundTruth", training.groundTruth(model, seed));
            if (parent != null) {
                metrics.put("parentGroundTruth", training.groundTruth(parent, seed));
            }
            rounds.progress(id, RoundPhase.REGISTER, total, total, null);
            return registry.register(model, ModelKind.ROUND, parentVersion.map(ModelVersion::id).orElse(null), metrics);
        }
    }

    /** The parent, unless it is an import (a TorchScript file): that one has no weights a round can start from. */
    private static Optional<ModelVersion> trainable(Optional<ModelVersion> parent) {
        return parent.filter(v -> v.kind() != ModelKind.IMPORT);
    }

    /** The share of held-out examples whose best target answer the members' majority gives; null when there are none. */
    static Double accuracy(TextModel model, List<TextExample> heldOut) {
        if (heldOut.isEmpty()) {
            return null;
        }
        int right = 0;
        for (TextExample example : heldOut) {
            Map<String, Integer> votes = new HashMap<>();
            for (int m = 0; m < model.members(); m++) {
                votes.merge(model.answer(m, example.question()).answer(), 1, Integer::sum);
            }
            String majority = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            String target = example.targets().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            right += majority != null && majority.equalsIgnoreCase(target) ? 1 : 0;
        }
        return (double) right / heldOut.size();
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    /**
     * Asked before every training step: stop on a cancel here, the application shutting down, or a
     * cancel in the database (checked, with the progress written, twice a second).
     */
    private final class Stop implements BooleanSupplier {

        private final long id;
        private long lastCheck = System.nanoTime();
        private int done;
        int total;
        private boolean cancelledInDatabase;
        private boolean byShutdown;

        Stop(long id) {
            this.id = id;
        }

        void step(int stepsDone, int totalSteps) {
            done = stepsDone;
            total = totalSteps;
        }

        @Override
        public boolean getAsBoolean() {
            if (flags.isCancelled(id) || cancelledInDatabase) {
                return true;
            }
            if (flags.shuttingDown() || Thread.currentThread().isInterrupted()) {
                byShutdown = true;
                return true;
            }
            long now = System.nanoTime();
            if (now - lastCheck >= DATABASE_CHECK_NANOS) {
                lastCheck = now;
                cancelledInDatabase = rounds.progress(id, RoundPhase.TRAIN, done, total, null);
            }
            return cancelledInDatabase;
        }
    }
}
