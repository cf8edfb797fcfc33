package org.amplify.questions;

/** Where a subquestion stands, as the workspace and the tree view colour it. */
public enum SubquestionStatus {
    /** asked; the copies have not answered yet */
    OPEN("open"),
    /** answered from the context, from memory or by the copies, and trusted or accepted */
    ANSWERED_BY_MODEL("answered by model"),
    /** the copies disagreed or could not answer: a person's workspace has it */
    NEEDS_PERSON("waiting for a person"),
    /** the expert expanded it: a workspace of its own has it */
    EXPANDED("expanded"),
    /** a person answered it in its own workspace */
    ANSWERED_BY_PERSON("answered by a person"),
    /** the expert typed the right answer */
    CORRECTED("corrected");

    private final String label;

    SubquestionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS class of the status. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
