package org.amplify.questions;

import java.time.Instant;

/** An expert's verdict on a subquestion's answer; {@code modelVersionId} is the version judged, if any. */
public record Feedback(long id, long subquestionId, Verdict verdict, String correctedAnswer, long expertId,
        String expertName, Long modelVersionId, Instant createdAt) {
}
