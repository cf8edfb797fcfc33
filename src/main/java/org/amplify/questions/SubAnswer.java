package org.amplify.questions;

import java.time.Instant;
import java.util.List;

/**
 * One answer a subquestion got (a subquestion may get several: the copies', then a person's).
 *
 * @param votes every copy's answer, in copy order (empty unless {@code source} is MODEL)
 * @param agreement the share of the copies that gave the majority answer (null unless MODEL)
 * @param trusted whether the answer may be used without a person (agreement at or above the threshold)
 * @param note why, for people, when it is not trusted or not there
 * @param answeredBy who answered, for people (e.g. "endpoint copies (llama3.2, text v4)"); null when
 *     the source and the model version say it
 * @param voteGroups the group of each vote when the votes were grouped by meaning (0: the majority's
 *     group); empty when equal answers are the groups
 * @param modelCalls the model calls this answer made (a failed call counts); null: one per vote
 * @param tokens the tokens an endpoint's calls used; null when no endpoint was called
 */
public record SubAnswer(long id, AnswerSource source, String answer, List<String> votes, Double agreement,
        boolean trusted, Long modelVersionId, String note, Instant createdAt, String answeredBy,
        List<Integer> voteGroups, Integer modelCalls, Integer tokens) {

    public SubAnswer {
        votes = List.copyOf(votes);
        voteGroups = voteGroups == null ? List.of() : List.copyOf(voteGroups);
    }

    public SubAnswer(long id, AnswerSource source, String answer, List<String> votes, Double agreement,
            boolean trusted, Long modelVersionId, String note, Instant createdAt) {
        this(id, source, answer, votes, agreement, trusted, modelVersionId, note, createdAt, null, List.of(), null,
                null);
    }

    /** How many copies gave the majority answer ("2 of 3 agree"); 0 unless MODEL. */
    public long agreeing() {
        if (!voteGroups.isEmpty()) {
            return voteGroups.stream().filter(g -> g == 0).count();
        }
        return votes.stream().filter(v -> v.equals(answer)).count();
    }

    /** Whether the i-th vote is in the majority's group (equal to the answer, or of its meaning). */
    public boolean inMajority(int vote) {
        return voteGroups.isEmpty() ? votes.get(vote).equals(answer) : voteGroups.get(vote) == 0;
    }

    /** How many copies were asked ("of 3"): the calls made, else the votes. */
    public int copies() {
        return modelCalls != null && modelCalls > 0 ? modelCalls : votes.size();
    }
}
