package org.amplify.questions;

/** An expert's verdict on an answer to a subquestion. */
public enum Verdict {
    /** the answer is right */
    ACCEPT,
    /** the answer is wrong; the expert gives the right one (both are kept) */
    CORRECT,
    /** do not trust the copies here: the subquestion becomes a workspace of its own */
    EXPAND
}
