package org.amplify.experiments.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.amplify.AppNodes;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.Domains;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.experiments.Mode;
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
 * Runs one experiment on a background worker: claims it (QUEUED to RUNNING; a cancelled or
 * interrupted one is left alone), trains with {@link TrainingRun}, stores each point as soon as it
 * is made, registers the model it ended with, and records how it ended. A failure is recorded with
 * its message and never retried.
 */
@Component
public class ExperimentRunner implements JobRequestHandler<RunExperiment> {

    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);
    private static final long DATABASE_CHECK_NANOS = 1_000_000_000L;
    static final String STOPPED_BY_SHUTDOWN = "the application stopped during the run";

    private final AppNodes nodes;
    private final ExperimentRepository experiments;
    private final CancellationFlags flags;
    private final Domains domains;
    private final Amplifier amplifier;
    private final ModelRegistry registry;

    ExperimentRunner(ExperimentRepository experiments, CancellationFlags flags, Domains domains, Amplifier amplifier,
            ModelRegistry registry, AppNodes nodes) {
        this.nodes = nodes;
        this.experiments = experiments;
        this.flags = flags;
        this.domains = domains;
        this.amplifier = amplifier;
        this.registry = registry;
    }

    @Override
    @Job(name = "Experiment", retries = 0)
    public void run(RunExperiment job) {
        long id = job.experimentId();
        try {
            if (!experiments.claim(id, nodes.id())) {
                log.info("Experiment {} is no longer queued (cancelled or interrupted): not run", id);
                return;
            }
            Experiment experiment = experiments.find(id).orElseThrow();
            log.info("Experiment {} started: {} {} N={} steps={}", id, experiment.domain(), experiment.mode(),
                    experiment.size(), experiment.steps());
            Stop stop = new Stop(id);
            TrainingRun.Result result = new TrainingRun(domains.get(experiment.domain()), experiment.settings(),
                    amplifier).run(point -> experiments.addPoint(id, point), stop);
            try (AnswerModel model = result.model()) {
                if (stop.byShutdown) {
                    experiments.finish(id, ExperimentStatus.INTERRUPTED, STOPPED_BY_SHUTDOWN, null);
                    log.info("Experiment {} interrupted by the application stopping; its points are kept", id);
                    return;
                }
                ModelVersion version = registry.register(model, kind(experiment.mode()), null,
                        metrics(experiment, result));
                experiments.finish(id, result.cancelled() ? ExperimentStatus.CANCELLED : ExperimentStatus.SUCCEEDED,
                        null, version.id());
                log.info("Experiment {} {} after {} steps; model {} v{}", id,
                        result.cancelled() ? "cancelled" : "succeeded", last(result.points()).step(),
                        version.domain(), version.version());
            }
        } catch (RuntimeException | Error e) {
            log.error("Experiment {} failed", id, e);
            experiments.finish(id, ExperimentStatus.FAILED, message(e), null);
            throw e;
        } finally {
            flags.forget(id);
        }
    }

    private static ModelKind kind(Mode mode) {
        return mode.amplified() ? ModelKind.IA : ModelKind.SL;
    }

    private static Map<String, Object> metrics(Experiment experiment, TrainingRun.Result result) {
        ExperimentPoint last = last(result.points());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("experimentId", experiment.id());
        metrics.put("mode", experiment.mode().name());
        metrics.put("size", experiment.size());
        metrics.put("steps", last.step());
        metrics.put("accuracy", last.accuracy());
        metrics.put("accuracyByKind", last.accuracyByKind());
        metrics.put("callsToH", last.callsToH());
        metrics.put("labels", last.labels());
        metrics.put("wallMillis", last.wallMillis());
        metrics.put("cancelled", result.cancelled());
        return metrics;
    }

    private static ExperimentPoint last(List<ExperimentPoint> points) {
        return points.get(points.size() - 1);
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    /**
     * Asked by the training loop before every step: stop when cancelled here, when the application
     * shuts down, or (checked about once a second, with the progress written) when cancelled in the
     * database. Each call begins a step, so the calls count the steps done.
     */
    private final class Stop implements BooleanSupplier {

        private final long id;
        private int calls;
        private long lastCheck = System.nanoTime();
        private boolean byShutdown;

        Stop(long id) {
            this.id = id;
        }

        @Override
        public boolean getAsBoolean() {
            int done = calls++;
            if (flags.isCancelled(id)) {
                return true;
            }
            if (flags.shuttingDown() || Thread.currentThread().isInterrupted()) {
                byShutdown = true;
                return true;
            }
            long now = System.nanoTime();
            if (now - lastCheck >= DATABASE_CHECK_NANOS) {
                lastCheck = now;
                return experiments.progress(id, done);
            }
            return false;
        }
    }
}
