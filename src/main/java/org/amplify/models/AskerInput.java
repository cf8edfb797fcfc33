package org.amplify.models;

import java.util.List;
import org.amplify.domains.Exchange;
import org.amplify.domains.Question;

/**
 * What H' sees before one of H's actions: the question and the exchanges so far (H's subquestions and
 * their answers), never the context (H does not see it either).
 */
public record AskerInput(Question question, List<Exchange> exchanges) {

    public AskerInput {
        exchanges = List.copyOf(exchanges);
    }
}
