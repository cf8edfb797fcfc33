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
            long modelVersionId, String note, Calls calls) implements CopyAnswer {

        public Voted {
            votes = List.copyOf(votes);
        }

        /** Copies of a model in this process: one call per vote, votes grouped by equal answers. */
        public Voted(long subquestionId, String answer, List<String> votes, double agreement, boolean trusted,
                long modelVersionId, String note) {
            this(subquestionId, answer, votes, agreement, trusted, modelVersionId, note, null);
        }
    }

    /**
     * Nobody on the copies' side could answer (no model, a budget spent, a model that failed): people do.
     *
     * @param calls the endpoint calls it made all the same (all failed), or null when none was made
     */
    record Unanswered(long subquestionId, String note, Calls calls) implements CopyAnswer {

        public Unanswered(long subquestionId, String note) {
            this(subquestionId, note, null);
        }
    }

    /**
     * Who answered and what it cost, for answers that say more than their source and model version
     * (an endpoint's copies).
     *
     * @param answeredBy for people: "endpoint copies (llama3.2, text v4)"
     * @param voteGroups the group of each vote, 0 the majority's (votes grouped by meaning); empty:
     *     equal answers are the groups
     * @param modelCalls the calls made, a failed one included (each one of the tree's model-call budget)
     * @param tokens the tokens the calls used, as the endpoint counted them
     */
    record Calls(String answeredBy, List<Integer> voteGroups, int modelCalls, int tokens) {

        public Calls {
            voteGroups = voteGroups == null ? List.of() : List.copyOf(voteGroups);
        }
    }
}
