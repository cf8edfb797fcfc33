package org.amplify.datasets;

import java.util.List;
import java.util.Map;

/**
 * A model version of the registry with its lineage: what it was trained from and on.
 *
 * @param ancestors its parent, the parent's parent, ... up to the first version of the line
 * @param children the versions trained from it, oldest first
 * @param roundId the distillation round that trained it (kind ROUND), else null
 * @param snapshotId the snapshot that round trained on, else null
 * @param experimentId the experiment that trained it (kinds IA and SL), else null
 * @param createdAt UTC, {@code 2025-01-31T12:00:00.000000Z}
 */
public record RegisteredModel(long id, String domain, int version, String kind, Long parentId, boolean champion,
        String sha256, Map<String, Object> metrics, List<Long> ancestors, List<Long> children, Long roundId,
        Long snapshotId, Long experimentId, String createdAt) {
}
