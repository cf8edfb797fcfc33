package org.amplify.experiments.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.experiments.ExperimentStatus;
import org.amplify.experiments.SearchFigures;

/**
 * An adversarial search over the API.
 *
 * @param progress the share of the work done, 0 to 1
 * @param phase what it is doing: SEARCH_BEFORE, PRIORITY_TRAINING, SEARCH_AFTER, CONTROL_TRAINING,
 *     SEARCH_CONTROL, DONE (null while queued)
 * @param foundCases the first cases the search before found (one search only; null in lists)
 */
record AdversarialSearchResponse(long id, long modelVersionId, String domain, int size, int maxLevel, int queries,
        double mutationShare, int trainingSteps, long seed, ExperimentStatus status, String phase, double progress,
        String errorMessage, String startedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
        SearchFigures before, SearchFigures after, SearchFigures control, Long trainedModelVersionId,
        List<Map<String, Object>> foundCases) {

    static AdversarialSearchResponse of(AdversarialSearchRun s, List<Map<String, Object>> foundCases) {
        return new AdversarialSearchResponse(s.id(), s.modelVersionId(), s.domain(), s.size(), s.maxLevel(),
                s.queries(), s.mutationShare(), s.trainingSteps(), s.seed(), s.status(), s.phase(), s.progress(),
                s.errorMessage(), s.startedBy(), s.createdAt(), s.startedAt(), s.finishedAt(), s.before(), s.after(),
                s.control(), s.trainedModelVersionId(), foundCases);
    }
}
