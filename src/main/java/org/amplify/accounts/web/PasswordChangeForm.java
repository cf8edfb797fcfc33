package org.amplify.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.amplify.accounts.Passwords;

record PasswordChangeForm(
        @NotBlank(message = "is required") String currentPassword,
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH,
                message = "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters long")
        String newPassword,
        String confirmPassword) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }

    boolean confirmed() {
        return Objects.equals(newPassword, confirmPassword);
    }
}
