package org.amplify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle every background run goes through, against a store kept in memory. */
class BackgroundRunsTests {

    private final Steps store = new Steps();
    private BackgroundRuns runs;

    @BeforeEach
    void setUp() {
        AppNodes nodes = mock(AppNodes.class);
        when(nodes.id()).thenReturn("node-a");
        runs = new BackgroundRuns(nodes);
    }

    @Test
    void aQueuedRunIsClaimedByThisNodeAndLeftToRecordItsSuccess() {
        store.statuses.put(1L, "QUEUED");
        List<Long> ran = new ArrayList<>();
        runs.run(store, 1, new Handler(null), Duration.ZERO, run -> {
            ran.add(run.id());
            store.statuses.put(run.id(), "SUCCEEDED");
        });
        assertThat(ran).containsExactly(1L);
        assertThat(store.owners).containsEntry(1L, "node-a");
        assertThat(store.statuses).containsEntry(1L, "SUCCEEDED");
    }

    @Test
    void aRunNoLongerQueuedIsLeftAlone() {
        store.statuses.put(1L, "INTERRUPTED");
        runs.run(store, 1, new Handler(null), Duration.ZERO, run -> {
            throw new AssertionError("not claimed: must not run");
        });
        assertThat(store.statuses).containsEntry(1L, "INTERRUPTED");
    }

    @Test
    void aCancelHereStopsTheLoopAtItsNextStepAndEndsItCancelled() {
        store.statuses.put(1L, "QUEUED");
        List<Long> steps = new ArrayList<>();
        runs.run(store, 1, new Handler(null), Duration.ofHours(1), run -> {
            for (int step = 0; step < 10; step++) {
                if (run.getAsBoolean()) {
                    throw run.stopped();
                }
                steps.add((long) step);
                if (step == 2) {
                    assertThat(runs.cancel(store, 1)).isTrue();
                }
            }
        });
        assertThat(steps).containsExactly(0L, 1L, 2L);
        assertThat(store.statuses).containsEntry(1L, "CANCELLED");
        assertThat(store.messages.get(1L)).isNull();
    }

    @Test
    void aCancelInTheStoreIsReadWithTheProgressAndStopsTheLoop() {
        store.statuses.put(1L, "QUEUED");
        List<Long> steps = new ArrayList<>();
        runs.run(store, 1, new Handler(null), Duration.ZERO, run -> {
            for (int step = 0; step < 10; step++) {
                run.update(new Step(step, 10));
                if (run.getAsBoolean()) {
                    throw run.stopped();
                }
                steps.add((long) step);
                if (step == 4) {
                    store.cancelRequested.add(1L); // asked on another node
                }
            }
        });
        assertThat(steps).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(store.progress.get(1L)).isNotEmpty();
        assertThat(store.statuses).containsEntry(1L, "CANCELLED");
    }

    @Test
    void progressIsWrittenAtMostOncePerIntervalAndAtOnceForANewPhase() {
        store.statuses.put(1L, "QUEUED");
        runs.run(store, 1, new Handler(null), Duration.ofHours(1), run -> {
            for (int step = 0; step < 100; step++) {
                run.update(new Step(step, 100));
                assertThat(run.getAsBoolean()).isFalse();
            }
            run.progress(new Step(100, 100));
            store.statuses.put(1L, "SUCCEEDED");
        });
        assertThat(store.progress.get(1L)).extracting(Step::done).containsExactly(0L, 100L);
    }

    @Test
    void theApplicationStoppingEndsTheRunInterruptedWithTheStoresMessage() {
        store.statuses.put(1L, "QUEUED");
        runs.run(store, 1, new Handler(null), Duration.ZERO, run -> {
            runs.onShutdown();
            assertThat(run.getAsBoolean()).isTrue();
            assertThat(run.stoppedByShutdown()).isTrue();
            throw run.stopped();
        });
        assertThat(store.statuses).containsEntry(1L, "INTERRUPTED");
        assertThat(store.messages).containsEntry(1L, store.stoppedByShutdown());
    }

    @Test
    void anExceptionEndsTheRunFailedWithItsMessageAndIsRethrown() {
        store.statuses.put(1L, "QUEUED");
        assertThatThrownBy(() -> runs.run(store, 1, new Handler(null), Duration.ZERO, run -> {
            throw new IllegalStateException("out of memory, say");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.statuses).containsEntry(1L, "FAILED");
        assertThat(store.messages).containsEntry(1L, "out of memory, say");
    }

    @Test
    void aCancelOfAFinishedRunIsRefusedAndForgotten() {
        store.statuses.put(1L, "SUCCEEDED");
        assertThat(runs.cancel(store, 1)).isFalse();
        store.statuses.put(1L, "QUEUED");
        runs.run(store, 1, new Handler(null), Duration.ofHours(1), run -> {
            assertThat(run.getAsBoolean()).isFalse();
            store.statuses.put(1L, "SUCCEEDED");
        });
        assertThat(store.statuses).containsEntry(1L, "SUCCEEDED");
    }

    @Test
    void theJobShowsTheProgressAsItsProgressBar() {
        Job job = new Job(new JobDetails(new Request()));
        store.statuses.put(1L, "QUEUED");
        runs.run(store, 1, new Handler(new JobContext(job) { }), Duration.ofHours(1), run -> {
            run.update(new Step(30, 120));
            store.statuses.put(1L, "SUCCEEDED");
        });
        JobDashboardProgressBar bar = JobDashboardProgressBar.get(job);
        assertThat(bar.getTotalAmount()).isEqualTo(120);
        assertThat(bar.getSucceededAmount()).isEqualTo(30);
    }

    record Step(long done, long total) implements RunProgress {}

    record Request() implements JobRequest {

        @Override
        public Class<Handler> getJobRequestHandler() {
            return Handler.class;
        }
    }

    record Handler(JobContext context) implements JobRequestHandler<Request> {

        @Override
        public void run(Request request) {
        }

        @Override
        public JobContext jobContext() {
            return context;
        }
    }

    /** Runs in memory, with the conditional changes of status of the real stores. */
    static final class Steps implements RunStore.Cancellable<Step> {

        final Map<Long, String> statuses = new HashMap<>();
        final Map<Long, String> owners = new HashMap<>();
        final Map<Long, String> messages = new HashMap<>();
        final Map<Long, List<Step>> progress = new HashMap<>();
        final Set<Long> cancelRequested = new HashSet<>();

        @Override
        public String name() {
            return "Step run";
        }

        @Override
        public boolean claim(long id, String node) {
            if (!"QUEUED".equals(statuses.get(id)) || cancelRequested.contains(id)) {
                return false;
            }
            statuses.put(id, "RUNNING");
            owners.put(id, node);
            return true;
        }

        @Override
        public boolean progress(long id, Step step) {
            progress.computeIfAbsent(id, ignored -> new ArrayList<>()).add(step);
            return cancelRequested.contains(id);
        }

        @Override
        public void end(long id, RunEnding ending, String message) {
            if ("RUNNING".equals(statuses.get(id))) {
                statuses.put(id, ending.name());
                messages.put(id, message);
            }
        }

        @Override
        public boolean requestCancel(long id) {
            String status = statuses.get(id);
            if (!"QUEUED".equals(status) && !"RUNNING".equals(status)) {
                return false;
            }
            cancelRequested.add(id);
            return true;
        }

        @Override
        public String what() {
            return "step run(s)";
        }

        @Override
        public List<UUID> interrupt(String reason, AppNodes.Condition which) {
            throw new UnsupportedOperationException("not used by BackgroundRuns");
        }
    }
}
