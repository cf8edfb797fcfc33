package org.amplify.distillation.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a round was asked to do, stored as the round's {@code options} JSON when it starts.
 *
 * @param allTranscripts whether it snapshots every completed transcript, or only those in no snapshot yet
 * @param autoPromote whether it promotes its version when {@link PromotionDecision} allows
 * @param majorityOnly whether targets are the majority answer only (otherwise vote shares)
 * @param transcripts the transcripts (workspace ids) it snapshots, in order, chosen when it started
 * @param student whether it trains the domain's student (the small model of the cascade: the champion
 *     was an endpoint when it started), made the {@code student} instead of the champion; null (a round
 *     older than this field): no
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoundOptions(boolean allTranscripts, boolean autoPromote, int epochs, long seed, boolean majorityOnly,
        List<Long> transcripts, Boolean student) {

    public RoundOptions {
        transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
    }

    /** Whether the round trains the student (null counts as no). */
    public boolean forStudent() {
        return Boolean.TRUE.equals(student);
    }
}
