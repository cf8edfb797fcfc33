package org.amplify.models;

import org.amplify.domains.Question;

/** What X sees for one question: the facts of its context (token tuples) and the question's tokens. */
public record ModelInput(int[][] facts, Question question) {}
