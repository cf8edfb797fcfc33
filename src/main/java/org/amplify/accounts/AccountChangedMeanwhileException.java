package org.amplify.accounts;

/** Someone else changed the user between the moment an admin opened it and saved a change. */
public class AccountChangedMeanwhileException extends RuntimeException {

    private final Account current;

    public AccountChangedMeanwhileException(Account current) {
        super("User " + current.username() + " was changed by someone else meanwhile; "
                + "its current state is shown, make your change again if it still applies");
        this.current = current;
    }

    public Account current() {
        return current;
    }
}
