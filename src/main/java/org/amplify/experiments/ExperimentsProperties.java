package org.amplify.experiments;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the experiments module ({@code amplify.experiments.*}).
 *
 * @param workers experiments run at once, each on its own background worker
 *     ({@code AMPLIFY_EXPERIMENT_WORKERS}; also JobRunr's worker count)
 * @param minSize the smallest task size N an experiment may ask for (a domain may allow less)
 * @param maxSize the largest task size N (a domain may allow less)
 * @param maxSteps the most training steps of one experiment
 * @param maxBatch the most examples per training step
 */
@Validated
@ConfigurationProperties("amplify.experiments")
public record ExperimentsProperties(
        @Min(1) @DefaultValue("1") int workers,
        @Min(1) @DefaultValue("8") int minSize,
        @Min(1) @DefaultValue("64") int maxSize,
        @Min(1) @DefaultValue("200000") int maxSteps,
        @Min(1) @DefaultValue("512") int maxBatch) {

    @AssertTrue(message = "min-size must not be above max-size")
    boolean isSizeRangeValid() {
        return minSize <= maxSize;
    }
}
