package org.amplify.questions;

import java.util.List;

/** An expert asked subquestions in a workspace: the copies (amplification) should answer them. */
public record SubquestionsAsked(long treeId, String domain, List<Long> subquestionIds) {
}
