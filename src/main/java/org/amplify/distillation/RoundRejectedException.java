package org.amplify.distillation;

/**
 * A round that cannot be started or changed, with a message for people: an unknown domain, a round
 * already running in the domain, no transcript to train on, a round that already finished.
 *
 * @see #field() the request field at fault, or null
 */
public class RoundRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public RoundRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** Whether it conflicts with the state of things (409) rather than being bad input (400). */
    public boolean conflict() {
        return conflict;
    }
}
