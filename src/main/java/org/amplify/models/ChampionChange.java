package org.amplify.models;

import java.time.Instant;

/**
 * One entry of a domain's champion history: who moved the {@code champion} alias to which version,
 * and when. History entries are append-only.
 *
 * @param versionId the id of the version that became the champion
 * @param previousVersionId the id of the champion before, or null for the domain's first champion
 * @param setBy the user name of the admin
 */
public record ChampionChange(long id, String domain, long versionId, Long previousVersionId, String setBy,
        Instant setAt) {}
