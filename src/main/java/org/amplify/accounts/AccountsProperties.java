package org.amplify.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module ({@code amplify.accounts.*}).
 *
 * @param adminUsername the first admin's user name ({@code AMPLIFY_ADMIN_USERNAME})
 * @param adminPassword the first admin's password ({@code AMPLIFY_ADMIN_PASSWORD}); when empty a
 *     random one is generated once and written to {@code <amplify.data-dir>/initial-admin-password}
 * @param login how failed sign-ins are throttled ({@code amplify.accounts.login.*})
 */
@Validated
@ConfigurationProperties("amplify.accounts")
public record AccountsProperties(
        @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+") @DefaultValue("admin")
        String adminUsername,
        String adminPassword,
        @Valid @DefaultValue Login login) {

    /**
     * Login throttling. Failed sign-ins are counted per user name and per address in a window that
     * starts at the first failure; the attempt that would exceed a limit, and every attempt for that
     * user name or from that address after it until {@code lockout} has passed, is refused, even
     * with the right password. A successful sign-in resets both counts. The counts live in
     * PostgreSQL, so every node applies the same limits.
     *
     * @param maxFailuresPerUser failed sign-ins for one user name allowed in a window
     * @param maxFailuresPerAddress failed sign-ins (and wrong API tokens) from one address allowed in a window
     * @param window how long failures are counted for
     * @param lockout how long a user name or address over its limit is refused
     */
    public record Login(
            @Min(1) @DefaultValue("5") int maxFailuresPerUser,
            @Min(1) @DefaultValue("20") int maxFailuresPerAddress,
            @NotNull @DefaultValue("1m") Duration window,
            @NotNull @DefaultValue("1m") Duration lockout) {}
}
