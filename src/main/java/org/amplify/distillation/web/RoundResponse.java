package org.amplify.distillation.web;

import java.time.Instant;
import java.util.Map;
import org.amplify.distillation.Round;

/** A round as the API shows it. */
record RoundResponse(long id, String domain, String status, String phase, int step, int totalSteps, double progress,
        Double loss, Long parentVersionId, Long modelVersionId, boolean promoted, Map<String, Object> metrics,
        Long snapshotId, Integer snapshotSize, String errorMessage, String startedBy, boolean cancelRequested,
        Instant createdAt, Instant startedAt, Instant finishedAt, Long durationMillis) {

    static RoundResponse of(Round r) {
        return new RoundResponse(r.id(), r.domain(), r.status().name(), r.phase().name(), r.step(), r.totalSteps(),
                r.progress(), r.loss(), r.parentVersionId(), r.modelVersionId(), r.promoted(), r.metrics(),
                r.snapshotId(), r.snapshotSize(), r.errorMessage(), r.startedBy(), r.cancelRequested(), r.createdAt(),
                r.startedAt(), r.finishedAt(), r.durationMillis());
    }
}
