package org.amplify.accounts;

import java.io.Serializable;
import java.time.Instant;

/** A named API token as its owner sees it in the list: never its secret. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) implements Serializable {

    public boolean active() {
        return revokedAt == null;
    }
}
