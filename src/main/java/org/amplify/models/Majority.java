package org.amplify.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The majority of several copies' votes: the answer given most often (on a tie, the one given first,
 * in copy order), how many gave it, and out of how many. One rule for every place that counts votes:
 * the algorithmic copies, the {@code text} copies and a round's evaluation of an ensemble.
 *
 * @param answer the majority answer
 * @param agreeing how many votes gave it
 * @param votes how many votes there were (at least one)
 */
public record Majority<T>(T answer, int agreeing, int votes) {

    /** @param votes at least one vote, in copy order */
    public static <T> Majority<T> of(List<T> votes) {
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("no votes");
        }
        Map<T, Integer> counts = new LinkedHashMap<>();
        votes.forEach(v -> counts.merge(v, 1, Integer::sum));
        Map.Entry<T, Integer> best = null;
        for (Map.Entry<T, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > best.getValue()) {
                best = entry;
            }
        }
        return new Majority<>(best.getKey(), best.getValue(), votes.size());
    }

    /** The majority's share of the votes: the copies' agreement. */
    public double agreement() {
        return (double) agreeing / votes;
    }
}
