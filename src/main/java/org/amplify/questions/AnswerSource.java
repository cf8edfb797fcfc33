package org.amplify.questions;

/** Where an answer to a subquestion came from. */
public enum AnswerSource {
    /** read from the context: a primitive question of an algorithmic domain */
    PRIMITIVE,
    /** an identical subquestion was answered before, by the same model version or by a person */
    MEMORY,
    /** the copies of a model version voted */
    MODEL,
    /** a person answered it in a workspace of its own */
    PERSON,
    /** nobody could answer: no model, a budget spent; the note says why */
    UNANSWERED
}
