package org.amplify.amplification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amplify.models.TextAnswer;

/**
 * Whether the {@code text} copies' answer may be used without a person. The copies are nearest-
 * neighbour look-ups, so they agree easily, also on a question nobody answered before; their answer
 * is trusted only when they agree (share of the majority at or above the agreement threshold)
 * <em>and</em> the questions they remember are close enough to this one (mean similarity of the
 * majority's votes at or above the similarity threshold). Otherwise it is "unsure" and goes to people.
 *
 * @param answer the majority answer (the first to reach the top count, in copy order)
 * @param agreement the majority's share of the votes
 * @param similarity the mean cosine similarity of the majority's remembered questions to this one
 * @param trusted both thresholds are met
 * @param note for people: what the copies remembered and, when not trusted, why
 */
public record TextTrust(String answer, double agreement, double similarity, boolean trusted, String note) {

    /** @param votes the copies' answers, at least one */
    public static TextTrust of(List<TextAnswer> votes, double agreementThreshold, double similarityThreshold) {
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("no votes");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        votes.forEach(v -> counts.merge(v.answer(), 1, Integer::sum));
        String majority = counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .orElseThrow().getKey();
        int agreeing = counts.get(majority);
        double agreement = (double) agreeing / votes.size();
        double similarity = votes.stream().filter(v -> v.answer().equals(majority))
                .mapToDouble(TextAnswer::similarity).average().orElse(0);
        boolean agree = Agreement.reaches(agreement, agreementThreshold);
        boolean close = similarity + 1e-9 >= similarityThreshold;
        String note = String.format(Locale.ROOT, "nearest answered questions: similarity %.2f", similarity);
        if (!agree) {
            note += "; " + Agreement.below(agreeing, votes.size(), agreementThreshold);
        } else if (!close) {
            note += String.format(Locale.ROOT, "; unsure: below the similarity threshold %.2f, the copies remember "
                    + "no question close enough to this one: a person should answer this.", similarityThreshold);
        }
        return new TextTrust(majority, agreement, similarity, agree && close, note);
    }
}
