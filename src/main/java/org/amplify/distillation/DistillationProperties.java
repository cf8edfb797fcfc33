package org.amplify.distillation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of distillation ({@code amplify.distillation.*}).
 *
 * @param autoPromote promote a round's version when it beats the champion on the held-out part
 * @param heldOutShare the share of a snapshot's transcripts kept out of training to evaluate on
 * @param epochs passes over the training examples of a round
 * @param maxEpochs the most a round may ask for
 */
@Validated
@ConfigurationProperties("amplify.distillation")
public record DistillationProperties(
        @DefaultValue("false") boolean autoPromote,
        @DecimalMin("0.05") @DecimalMax("0.5") @DefaultValue("0.2") double heldOutShare,
        @Min(1) @DefaultValue("30") int epochs,
        @Min(1) @DefaultValue("500") int maxEpochs) {
}
