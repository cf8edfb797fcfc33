package org.amplify.accounts.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.amplify.accounts.Passwords;

record ResetPasswordForm(
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH,
                message = "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters long")
        String password) {

    static ResetPasswordForm empty() {
        return new ResetPasswordForm("");
    }
}
