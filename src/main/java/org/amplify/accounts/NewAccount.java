package org.amplify.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What it takes to create a user: from the admin page or {@code POST /api/v1/users}.
 *
 * @param roles role names (EXPERT, ADMIN, RESEARCHER); an unknown name is refused
 */
public record NewAccount(
        @NotNull(message = "is required")
        @Size(min = 3, max = 50, message = "must be 3 to 50 characters long")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
        String username,
        @Size(max = 100, message = "must be at most 100 characters long")
        String displayName,
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH,
                message = "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters long")
        String password,
        @NotEmpty(message = "choose at least one role")
        @KnownRoles
        Set<String> roles) {}
