package org.amplify.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the rest of the application sees it.
 *
 * @param version changes at every edit; an edit made against an older version is refused (two
 *     admins editing one user at once)
 */
public record Account(long id, String username, String displayName, Set<Role> roles, boolean enabled,
        Instant createdAt, long version) {

    public boolean hasRole(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
