package org.amplify.accounts.web;

import java.time.Instant;
import java.util.List;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;

/** A user in API responses. Roles are listed in a fixed order. */
record AccountResponse(long id, String username, String displayName, List<Role> roles, boolean enabled,
        Instant createdAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id(), account.username(), account.displayName(),
                account.roles().stream().sorted().toList(), account.enabled(), account.createdAt());
    }
}
