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
 * @param autoPromote the start form's default: promote a round's version when it reaches
 *     {@code minPromotionAccuracy} and beats the champion it trained from on the held-out part
 * @param minPromotionAccuracy the least held-out accuracy, from 0 to 1, a round's version needs to be promoted
 *     automatically (default 0.5), also when there is no champion to beat: a useless first model is never
 *     promoted silently
 * @param heldOutShare the share of a snapshot's transcripts kept out of training to evaluate on
 * @param epochs passes over the training examples of a round
 * @param maxEpochs the most a round may ask for
 */
@Validated
@ConfigurationProperties("amplify.distillation")
public record DistillationProperties(
        @DefaultValue("false") boolean autoPromote,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double minPromotionAccuracy,
        @DecimalMin("0.05") @DecimalMax("0.5") @DefaultValue("0.2") double heldOutShare,
        @Min(1) @DefaultValue("30") int epochs,
        @Min(1) @DefaultValue("500") int maxEpochs) {
}
