package org.amplify.experiments.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paper's schedule of calls to H in a run with H': by the loss of H', within a budget. */
class ExpertCallScheduleTests {

    @Test
    void theRateFallsTenfoldAtEachThresholdOfTheLoss() {
        assertThat(ExpertCallSchedule.rate(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(ExpertCallSchedule.rate(0.1)).isEqualTo(1);
        assertThat(ExpertCallSchedule.rate(0.0999)).isEqualTo(0.1);
        assertThat(ExpertCallSchedule.rate(0.01)).isEqualTo(0.1);
        assertThat(ExpertCallSchedule.rate(0.0099)).isEqualTo(0.01);
        assertThat(ExpertCallSchedule.rate(0)).isEqualTo(0.01);
    }

    @Test
    void callsAccrueStepByStep() {
        ExpertCallSchedule schedule = new ExpertCallSchedule(0);
        assertThat(calls(schedule, 20, 2.0)).isEqualTo(20);
        assertThat(calls(schedule, 100, 0.05)).isEqualTo(10);
        assertThat(calls(schedule, 1000, 0.001)).isEqualTo(10);
        assertThat(schedule.calls()).isEqualTo(40);
    }

    @Test
    void noCallIsMadePastTheBudget() {
        ExpertCallSchedule schedule = new ExpertCallSchedule(7);
        assertThat(calls(schedule, 50, 1.0)).isEqualTo(7);
        assertThat(schedule.callsDue(1.0)).isZero();
        assertThatThrownBy(() -> new ExpertCallSchedule(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int calls(ExpertCallSchedule schedule, int steps, double loss) {
        int calls = 0;
        for (int i = 0; i < steps; i++) {
            calls += schedule.callsDue(loss);
        }
        return calls;
    }
}
