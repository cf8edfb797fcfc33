package org.amplify.distillation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * What a succeeded round measured, stored as its {@code metrics} JSON and as the metrics of the
 * version it registered. A field that does not apply to the round's domain (null) is left out of the
 * JSON, except the two accuracies, which are always there (null: no held-out example, or no parent).
 *
 * @param softTargets whether the targets were vote shares (not the majority answer only)
 * @param skippedTargets algorithmic domains: targets that are no answer of the domain
 * @param firstEpochLoss algorithmic domains: the mean training loss of the first epoch
 * @param heldOutLoss text: the loss on the held-out examples (none when there are none)
 * @param groundTruth algorithmic domains: the new version on fresh questions with their ground truth
 * @param parentGroundTruth algorithmic domains: the parent on the same questions (none without a parent)
 */
@JsonInclude(Include.NON_NULL)
record RoundMetrics(long roundId, long snapshotId, int transcripts, boolean softTargets, int trainExamples,
        int heldOutExamples, Integer skippedTargets, Double firstEpochLoss, Double trainLoss,
        @JsonInclude(Include.ALWAYS) Double accuracy, @JsonInclude(Include.ALWAYS) Double parentAccuracy,
        Double heldOutLoss, AlgorithmicRound.GroundTruth groundTruth, AlgorithmicRound.GroundTruth parentGroundTruth) {

    /** What the round knows before training: its snapshot and how its targets are made. */
    record Start(long roundId, long snapshotId, int transcripts, boolean softTargets) {}
}
