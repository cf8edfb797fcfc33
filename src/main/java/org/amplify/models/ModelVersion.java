package org.amplify.models;

import java.time.Instant;
import java.util.Map;

/**
 * A registered model: the {@code version}-th of its domain.
 *
 * @param parentId the model it was trained from, if any (lineage)
 * @param artifactPath the file, relative to the data directory
 * @param sha256 of the file, checked at every load
 * @param note the admin's note on an imported model (where it comes from); null for the others
 */
public record ModelVersion(long id, String domain, int version, Long parentId, ModelKind kind, String artifactPath,
        String sha256, Map<String, Object> metrics, Instant createdAt, String note) {}
