package org.amplify.distillation.web;

import java.time.Instant;
import java.util.Map;
import org.amplify.distillation.Round;
import org.amplify.models.ModelNames;
import org.amplify.models.ModelVersionName;

/**
 * A round as the API shows it.
 *
 * @param parentVersion the number of the version it trained from, within its domain ({@code parentVersionId} is its id)
 * @param modelVersion the number of the version it registered ({@code modelVersionId} is its id)
 * @param promotionReason why that version was or was not promoted automatically, in words
 */
record RoundResponse(long id, String domain, String status, String phase, int step, int totalSteps, double progress,
        Double loss, Long parentVersionId, Integer parentVersion, Long modelVersionId, Integer modelVersion,
        boolean promoted, String promotionReason, Map<String, Object> metrics, Long snapshotId, Integer snapshotSize,
        String errorMessage, String startedBy, boolean cancelRequested, Instant createdAt, Instant startedAt,
        Instant finishedAt, Long durationMillis) {

    static RoundResponse of(Round r, ModelNames names) {
        return new RoundResponse(r.id(), r.domain(), r.status().name(), r.phase().name(), r.step(), r.totalSteps(),
                r.progress(), r.loss(), r.parentVersionId(), number(names.find(r.parentVersionId())),
                r.modelVersionId(), number(names.find(r.modelVersionId())), r.promoted(), r.promotionReason(),
                r.metrics(), r.snapshotId(), r.snapshotSize(), r.errorMessage(), r.startedBy(), r.cancelRequested(),
                r.createdAt(), r.startedAt(), r.finishedAt(), r.durationMillis());
    }

    private static Integer number(ModelVersionName name) {
        return name == null ? null : name.version();
    }
}
