package org.amplify.experiments.internal;

import java.util.List;

/**
 * One case an adversarial search found, as the search keeps it (its {@code found_cases} JSON) for
 * people to look at: the question and answers in words, the target's probability under X, where
 * the question came from, and the context's facts in token notation.
 */
record FoundCase(String question, String notation, String answer, String target, float targetProbability,
        String origin, List<String> context) {}
