package org.amplify.experiments.internal;

/**
 * When H is called in a run with H' (the paper's schedule): one new transcript a step while the loss
 * of H' is at least {@value #FIRST_THRESHOLD}, one per ten steps below it, one per hundred below
 * {@value #SECOND_THRESHOLD}; the rate accrues step by step, and no call is made past the budget.
 */
final class ExpertCallSchedule {

    static final double FIRST_THRESHOLD = 0.1;
    static final double SECOND_THRESHOLD = 0.01;

    private final long budget;
    private double credit;
    private long calls;

    /** @param budget the most calls in the run; 0: no limit */
    ExpertCallSchedule(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("a budget of calls is not negative: " + budget);
        }
        this.budget = budget;
    }

    /** New transcripts per step at this loss of H'. */
    static double rate(double loss) {
        return loss >= FIRST_THRESHOLD ? 1 : loss >= SECOND_THRESHOLD ? 0.1 : 0.01;
    }

    /** How many calls to make at this step, with the loss of H' now. */
    int callsDue(double loss) {
        credit += rate(loss);
        int due = (int) Math.floor(credit + 1e-9); // ten steps of 0.1 make one call, whatever the rounding
        credit = Math.max(0, credit - due);
        if (budget > 0) {
            due = (int) Math.min(due, budget - calls);
        }
        calls += due;
        return due;
    }

    long calls() {
        return calls;
    }
}
