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
 */
public record SubAnswer(long id, AnswerSource source, String answer, List<String> votes, Double agreement,
        boolean trusted, Long modelVersionId, String note, Instant createdAt) {

    /** How many copies gave the majority answer ("2 of 3 agree"); 0 unless MODEL. */
    public long agreeing() {
        return votes.stream().filter(v -> v.equals(answer)).count();
    }
}
