package org.amplify.questions;

/**
 * Something a user asked of a tree or a workspace that cannot be done, with a message for people:
 * bad input, a closed or held workspace, a spent budget, a conflicting save. Never a server error.
 */
public class QuestionRefusedException extends RuntimeException {

    private final String field;

    public QuestionRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault, or null when it is not about one field. */
    public String field() {
        return field;
    }
}
