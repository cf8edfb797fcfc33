package org.amplify.questions;

import java.time.Instant;
import java.util.Map;

/** One action in a workspace, as its history replays it: ask, accept, correct, expand, unlock, answer... */
public record HistoryEvent(long id, long workspaceId, String kind, String actorName, Map<String, Object> detail,
        Instant createdAt) {
}
