package org.amplify.accounts;

/**
 * A request about an account was refused because of one of its fields: a taken user name, an
 * unknown role, a wrong current password. The message says why, in words fit to show next to the
 * field.
 */
public class AccountRejectedException extends RuntimeException {

    private final String field;

    public AccountRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the rejected field, as in the form or the JSON body. */
    public String field() {
        return field;
    }
}
