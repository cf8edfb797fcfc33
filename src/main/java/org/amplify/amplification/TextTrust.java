package org.amplify.amplification;

import java.util.List;
import java.util.Locale;
import org.amplify.models.Majority;
import org.amplify.models.TextAnswer;

/**
 * Whether the {@code text} copies' answer may be used without a person. The copies are nearest-
 * neighbour look-ups, so they agree easily, also on a question nobody answered before; their answer
 * is trusted only when they agree (share of the majority at or above the agreement threshold)
 * <em>and</em> the questions they remember are close enough to this one (mean similarity of the
 * majority's votes at or above the similarity threshold). Otherwise it is "unsure" and goes to people.
 *
 * @param answer the majority answer (on a tie, the first given: {@link Majority})
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
        Majority<String> counted = Majority.of(votes.stream().map(TextAnswer::answer).toList());
        String majority = counted.answer();
        int agreeing = counted.agreeing();
        double agreement = counted.agreement();
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
