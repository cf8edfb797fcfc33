package org.amplify.models;

import java.util.Map;
import java.util.Objects;

/**
 * One training example of the {@code text} domain: a question and its target distribution over
 * answers. A hard target is one answer with weight 1; the copies' vote shares make a soft one. The
 * weights need not sum to 1 (they are normalised), but must be finite, not negative, and not all 0.
 */
public record TextExample(String question, Map<String, Double> targets) {

    public TextExample {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(targets, "targets");
        double total = 0;
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            Double weight = target.getValue();
            if (target.getKey() == null || weight == null || !Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("a target weight must be a finite number, not negative: " + target);
            }
            total += weight;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the question '" + question + "' has no target answer");
        }
        targets = Map.copyOf(targets);
    }

    /** A hard target: one answer with weight 1. */
    public static TextExample of(String question, String answer) {
        return new TextExample(question, Map.of(answer, 1.0));
    }

    /** The answer of the largest weight; a tie goes to the answer first in alphabetical order. */
    public String majority() {
        String best = null;
        double bestWeight = -1;
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            double weight = target.getValue();
            if (weight > bestWeight || (weight == bestWeight && target.getKey().compareTo(best) < 0)) {
                best = target.getKey();
                bestWeight = weight;
            }
        }
        return best;
    }
}
