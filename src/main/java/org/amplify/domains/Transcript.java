package org.amplify.domains;

import java.util.List;

/** One run of H on a question: the subquestions it asked in order, their answers, and its final answer. */
public record Transcript(Question question, List<Exchange> exchanges, int answer) {

    public Transcript {
        exchanges = List.copyOf(exchanges);
    }
}
