package org.amplify.distillation.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.amplify.distillation.DistillationProperties;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundPhase;
import org.amplify.distillation.RoundStatus;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextExample;
import org.amplify.models.TextModel;
import org.amplify.models.TextTraining;
import org.amplify.models.TrainingCancelledException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Transcript;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one round on a background worker: snapshot, train X(k+1) from the champion X(k) (or from
 * scratch), evaluate both on the held-out part of the snapshot, register, and promote when asked
 * and better. A cancel or a shutdown stops it at the next training step; it then registers nothing
 * (the snapshot stays, as snapshots never change) and the champion is unchanged.
 */
@Component
public class RoundRunner implements JobRequestHandler<RunRound> {

    private static final Logger log = LoggerFactory.getLogger(RoundRunner.class);
    private static final long DATABASE_CHECK_NANOS = 500_000_000L;
    static final String STOPPED_BY_SHUTDOWN = "the application stopped during the round";

    private final RoundRepository rounds;
    private final RoundFlags flags;
    private final QuestionService questions;
    private final ModelRegistry registry;
    private final DistillationProperties properties;

    RoundRunner(RoundRepository rounds, RoundFlags flags, QuestionService questions, ModelRegistry registry,
            DistillationProperties properties) {
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
            if (!rounds.claim(id)) {
                log.info("Round {} is no longer queued (cancelled or interrupted): not run", id);
                return;
            }
            Round round = rounds.find(id).orElseThrow();
            Map<String, Object> options = rounds.options(id);
            long seed = ((Number) options.getOrDefault("seed", 1)).longValue();
            boolean majorityOnly = Boolean.TRUE.equals(options.get("majorityOnly"));

            rounds.progress(id, RoundPhase.SNAPSHOT, 0, 0, null);
            List<Long> ids = ((List<?>) options.get("transcripts")).stream().map(o -> ((Number) o).longValue())
                    .toList();
            long snapshot = rounds.snapshot(id, round.domain(), ids);
            List<Transcript> transcripts = questions.transcripts(ids);
            TrainingExamples.Split split = TrainingExamples.split(transcripts, properties.heldOutShare(), seed,
                    majorityOnly);

            Optional<ModelVersion> parentVersion = round.parentVersionId() == null ? Optional.empty()
                    : registry.find(round.parentVersionId());
            // an imported encoder (TorchScript) has no parameters to train from: the round starts from scratch,
            // its lineage still records the import as its parent
            try (TextModel parent = parentVersion.filter(v -> v.kind() != ModelKind.IMPORT).map(registry::loadText)
                    .orElse(null)) {
                TextTraining training = TextTraining.defaults().withEpochs(((Number) options.get("epochs")).intValue());
                int total = TextModel.totalSteps(split.train().size(), training);
                rounds.progress(id, RoundPhase.TRAIN, 0, total, null);
                try (TextModel model = TextModel.train(split.train(), parent, training, seed,
                        step -> stop.step(step, total), stop)) {
                    rounds.progress(id, RoundPhase.EVALUATE, total, total, model.loss(split.train()));
                    Map<String, Object> metrics = new LinkedHashMap<>();
                    metrics.put("roundId", id);
                    metrics.put("snapshotId", snapshot);
                    metrics.put("transcripts", transcripts.size());
                    metrics.put("trainExamples", split.train().size());
                    metrics.put("heldOutExamples", split.heldOut().size());
                    metrics.put("softTargets", !majorityOnly);
                    Double accuracy = accuracy(model, split.heldOut());
                    Double parentAccuracy = parent == null ? null : accuracy(parent, split.heldOut());
                    metrics.put("accuracy", accuracy);
                    metrics.put("parentAccuracy", parentAccuracy);
                    metrics.put("trainLoss", model.loss(split.train()));
                    if (!split.heldOut().isEmpty()) {
                        metrics.put("heldOutLoss", model.loss(split.heldOut()));
                    }

                    rounds.progress(id, RoundPhase.REGISTER, total, total, null);
                    ModelVersion version = registry.register(model, ModelKind.ROUND,
                            parentVersion.map(ModelVersion::id).orElse(null), metrics);

                    boolean promote = Boolean.TRUE.equals(options.get("autoPromote")) && (parentAccuracy == null
                            || accuracy == null || accuracy > parentAccuracy);
                    if (promote) {
                        rounds.progress(id, RoundPhase.PROMOTE, total, total, null);
                        registry.promote(version.id(), round.startedBy());
                    }
                    rounds.finish(id, RoundStatus.SUCCEEDED, null, version.id(), promote, metrics);
                    log.info("Round {} of {} succeeded: {} v{}, held-out accuracy {} (parent {}){}", id,
                            round.domain(), version.domain(), version.version(), accuracy, parentAccuracy,
                            promote ? ", promoted" : "");
                }
            }
        } catch (TrainingCancelledException e) {
            boolean shutdown = stop.byShutdown;
            rounds.finish(id, shutdown ? RoundStatus.INTERRUPTED : RoundStatus.CANCELLED,
                    shutdown ? STOPPED_BY_SHUTDOWN : null, null, false, Map.of());
            log.info("Round {} {}: nothing registered", id, shutdown ? "interrupted" : "cancelled");
        } catch (RuntimeException | Error e) {
            log.error("Round {} failed", id, e);
            rounds.finish(id, RoundStatus.FAILED, message(e), null, false, Map.of());
            throw e;
        } finally {
            flags.forget(id);
        }
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
        private int total;
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
