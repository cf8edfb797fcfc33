package org.amplify.models;

/**
 * The {@code champion} alias of a domain now points at another model version: what copies serve.
 * Published inside the transaction of the change (and stored in the event publication registry), so
 * that whoever serves the champion reloads it without a restart.
 *
 * @param versionId the id of the new champion's model version
 * @param previousVersionId the id of the champion before, or null if the domain had none
 */
public record ChampionChanged(String domain, long versionId, Long previousVersionId) {}
