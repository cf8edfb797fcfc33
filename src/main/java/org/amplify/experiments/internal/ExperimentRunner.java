package org.amplify.experiments.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.amplify.BackgroundRuns;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one experiment on a background worker, in the lifecycle of {@link BackgroundRuns}: claims it
 * (QUEUED to RUNNING; a cancelled or interrupted one is left alone), trains with {@link TrainingRun},
 * stores each point as soon as it is made, registers the model it ended with (a cancelled one too),
 * and records how it ended. Stopped by the application stopping, it registers nothing and is
 * INTERRUPTED; its points are kept. A failure is recorded with its message and never retried.
 */
@Component
public class ExperimentRunner implements JobRequestHandler<RunExperiment> {

    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);
    /** How often a running experiment writes its step and reads a cancel in the database. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final BackgroundRuns runs;
    private final ExperimentRepository experiments;
    private final Domains domains;
    private final Amplifier amplifier;
    private final ModelRegistry registry;
    private final JsonMapper json;

    ExperimentRunner(BackgroundRuns runs, ExperimentRepository experiments, Domains domains, Amplifier amplifier,
            ModelRegistry registry, JsonMapper json) {
        this.runs = runs;
        this.experiments = experiments;
        this.domains = domains;
        this.amplifier = amplifier;
        this.registry = registry;
        this.json = json;
    }

    @Override
    @Job(name = "Experiment", retries = 0)
    public void run(RunExperiment job) {
        runs.run(experiments, job.experimentId(), this, CHECK_EVERY, this::run);
    }

    private void run(BackgroundRuns.Run<ExperimentProgress> run) {
        long id = run.id();
        Experiment experiment = experiments.find(id).orElseThrow();
        log.info("Experiment {} started: {} {} N={} steps={}", id, experiment.domain(), experiment.mode(),
                experiment.size(), experiment.steps());
        int[] calls = {0};
        // asked before every step, so the calls count the steps done
        BooleanSupplier stop = () -> {
            run.update(new ExperimentProgress(calls[0]++, experiment.steps()));
            return run.getAsBoolean();
        };
        TrainingRun.Result result = new TrainingRun(domains.get(experiment.domain()), experiment.settings(),
                amplifier).run(point -> experiments.addPoint(id, point), stop);
        try (AnswerModel model = result.model()) {
            if (run.stoppedByShutdown()) {
                throw run.stopped();
            }
            ModelVersion version = registry.register(model, kind(experiment.mode()), null,
                    json.convertValue(ExperimentMetrics.of(experiment, last(result.points()), result.cancelled()),
                            new TypeReference<Map<String, Object>>() { }));
            experiments.finish(id, result.cancelled() ? ExperimentStatus.CANCELLED : ExperimentStatus.SUCCEEDED,
                    null, version.id());
            log.info("Experiment {} {} after {} steps; model {} v{}", id,
                    result.cancelled() ? "cancelled" : "succeeded", last(result.points()).step(),
                    version.domain(), version.version());
        }
    }

    private static ModelKind kind(Mode mode) {
        return mode.amplified() ? ModelKind.IA : ModelKind.SL;
    }

    private static ExperimentPoint last(List<ExperimentPoint> points) {
        return points.get(points.size() - 1);
    }
}
