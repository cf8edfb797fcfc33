package org.amplify.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module ({@code amplify.accounts.*}).
 *
 * @param adminUsername the first admin's user name ({@code AMPLIFY_ADMIN_USERNAME})
 * @param adminPassword the first admin's password ({@code AMPLIFY_ADMIN_PASSWORD}); when empty a
 *     random one is generated once and written to {@code <amplify.data-dir>/initial-admin-password}
 */
@Validated
@ConfigurationProperties("amplify.accounts")
public record AccountsProperties(
        @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+") @DefaultValue("admin")
        String adminUsername,
        String adminPassword) {}
