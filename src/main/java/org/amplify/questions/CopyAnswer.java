package org.amplify.questions;

import java.util.List;

/**
 * What the copies' side (amplification) gives a subquestion, recorded by {@link CopiesPort#record}:
 * read from the context, remembered, voted by the copies, or nothing (with the reason).
 */
public sealed interface CopyAnswer {

    long subquestionId();

    /** Read from the context: a primitive question of an algorithmic domain. */
    record Primitive(long subquestionId, String answer) implements CopyAnswer {}

    /**
     * An identical subquestion's answer: by {@code modelVersionId}'s trusted copies, or by a person.
     *
     * @param modelVersionId the champion whose memory it is (null when no model is promoted)
     */
    record Remembered(long subquestionId, String answer, Long modelVersionId) implements CopyAnswer {}

    /**
     * The copies of a model version voted.
     *
     * @param votes every copy's answer, in copy order
     * @param agreement the majority's share of the votes
     * @param trusted whether the answer may be used without a person
     * @param note for people: why it is not trusted (or what the copies remembered); may be null
     */
    record Voted(long subquestionId, String answer, List<String> votes, double agreement, boolean trusted,
            long modelVersionId, String note) implements CopyAnswer {

        public Voted {
            votes = List.copyOf(votes);
        }
    }

    /** Nobody on the copies' side could answer (no model, a budget spent, a model that failed): people do. */
    record Unanswered(long subquestionId, String note) implements CopyAnswer {}
}
