package org.amplify.experiments.internal;

import java.util.Map;
import java.util.UUID;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentService;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.experiments.Mode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Experiments left QUEUED or RUNNING by an application that died are INTERRUPTED by the start-up
 * recovery, with their points kept; the runner never runs them again.
 */
@SpringBootTest
class ExperimentRecoveryTests {

    @Autowired
    ExperimentRepository repository;

    @Autowired
    org.amplify.InterruptedRuns recovery;

    @Autowired
    ExperimentRunner runner;

    @Autowired
    ExperimentService experiments;

    @Test
    void experimentsLeftRunningOrQueuedAreInterruptedWithTheirPoints() {
        ExperimentSettings settings = ExperimentSettings.defaults("union-find", Mode.SL, 8, 1000, 3);
        long running = repository.insert(settings, "test-admin", UUID.randomUUID());
        assertThat(repository.claim(running, "test-node")).isTrue();
        repository.addPoint(running, new ExperimentPoint(250, 0.4, Map.of("label", 0.4), 1.5, 0, 16000, 5, 900));
        repository.addPoint(running, new ExperimentPoint(500, 0.5, Map.of("label", 0.5), Double.NaN, 0, 32000, 5, 1800));
        long queued = repository.insert(settings, "test-admin", null);

        assertThat(recovery.recover()).isGreaterThanOrEqualTo(2);

        Experiment interrupted = experiments.get(running);
        assertThat(interrupted.status()).isEqualTo(ExperimentStatus.INTERRUPTED);
        assertThat(interrupted.errorMessage()).isEqualTo(org.amplify.InterruptedRuns.REASON);
        assertThat(interrupted.finishedAt()).isNotNull();
        assertThat(interrupted.currentStep()).isEqualTo(500);
        assertThat(experiments.points(running, -1)).extracting(ExperimentPoint::step).containsExactly(250, 500);
        assertThat(experiments.points(running, -1).get(1).loss()).isNaN();
        assertThat(experiments.get(queued).status()).isEqualTo(ExperimentStatus.INTERRUPTED);

        // were JobRunr to run their jobs again, nothing would happen
        runner.run(new RunExperiment(queued));
        runner.run(new RunExperiment(running));
        assertThat(experiments.get(queued).status()).isEqualTo(ExperimentStatus.INTERRUPTED);
        assertThat(experiments.get(queued).startedAt()).isNull();
        assertThat(experiments.points(queued, -1)).isEmpty();
        assertThat(recovery.recover()).isZero();
    }
}
