package org.amplify.questions;

import java.util.List;

/**
 * How an expert split an answered question: the subquestions a submitted workspace asked, in order.
 * What suggestions to other experts are taken from.
 */
public record Decomposition(long workspaceId, long questionId, String question, List<String> subquestions) {

    public Decomposition {
        subquestions = List.copyOf(subquestions);
    }
}
