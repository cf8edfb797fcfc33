package org.amplify.accounts;

import java.nio.charset.StandardCharsets;

/** The rules every password follows, wherever it is set. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;

    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_LENGTH = 72;

    private Passwords() {}

    /**
     * @throws AccountRejectedException for the given field when the password breaks a rule that
     *     bean validation cannot see (its length in bytes)
     */
    public static void check(String field, String password) {
        if (password == null || password.isBlank()) {
            throw new AccountRejectedException(field, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new AccountRejectedException(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new AccountRejectedException(field, "must be at most " + MAX_LENGTH + " bytes long");
        }
    }
}
