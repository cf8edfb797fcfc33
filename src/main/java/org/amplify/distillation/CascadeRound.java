package org.amplify.distillation;

import java.time.Instant;

/**
 * One point of the cascade's chart (the Rounds page): what the copies' side did with the {@code text}
 * subquestions asked since the previous round of {@code text} up to this one, and the held-out
 * accuracy of the small model the round trained. As rounds go by, the small model answers a larger
 * share and the endpoint is called less.
 *
 * @param roundId the round, or null for the period since the last round (up to now)
 * @param from the start of the period (the previous round's start), null for the first
 * @param to its end (this round's start), null for now
 * @param subquestions text subquestions the copies' side answered in the period (or handed to people)
 * @param byStudent of them, those the small model's copies answered and were trusted on (no endpoint call)
 * @param endpointCalls samples asked of endpoint versions in the period (each copy's answer is one call)
 * @param accuracy the held-out accuracy of the version the round trained (null: none, or not finished)
 * @param student whether the round trained the student of the cascade (the champion was an endpoint)
 */
public record CascadeRound(Long roundId, Instant from, Instant to, long subquestions, long byStudent,
        long endpointCalls, Double accuracy, boolean student) {

    /** The share of the period's subquestions the small model answered; null when none was asked. */
    public Double studentShare() {
        return subquestions == 0 ? null : (double) byStudent / subquestions;
    }
}
