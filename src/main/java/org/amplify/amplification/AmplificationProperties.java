package org.amplify.amplification;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of amplification with people ({@code amplify.amplification.*}).
 *
 * @param copies how many copies of the promoted model answer each subquestion (their answers are votes)
 * @param agreementThreshold the share of copies that must agree for an answer to be trusted; below
 *     it the subquestion goes to people
 * @param textSimilarityThreshold in {@code text}, how close (cosine similarity of the text model's
 *     embeddings) the questions the copies remember must be to the one asked for their answer to be
 *     trusted, even when they all agree; below it the answer is "unsure" and goes to people. The
 *     default 0.95 is calibrated on held-out questions ({@code TextTrustCalibration}, see README)
 * @param suggestionSources how many of the most similar answered questions a {@code text} workspace's
 *     suggestions are taken from
 * @param suggestions the most subquestions a {@code text} workspace is suggested at once (0: none)
 * @param answerSimilarityThreshold when a language model's copies answer ({@code text} champion of kind
 *     ENDPOINT), two answers are in one group when the cosine similarity of their embeddings by the
 *     small text model is at or above this (equal normalised text always is)
 * @param endpointThreads how many calls to a language-model endpoint may be in flight at once (the
 *     bounded pool that sends them off the request thread; 8 subquestions of 3 copies need 24)
 * @param endpointQueue how many more calls may wait for a thread; beyond it a call fails at once
 *     and its subquestion goes to people
 */
@Validated
@ConfigurationProperties("amplify.amplification")
public record AmplificationProperties(
        @Min(1) @DefaultValue("3") int copies,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.6667") double agreementThreshold,
        @DecimalMin("-1") @DecimalMax("1") @DefaultValue("0.95") double textSimilarityThreshold,
        @Min(1) @DefaultValue("3") int suggestionSources,
        @Min(0) @DefaultValue("5") int suggestions,
        @DecimalMin("-1") @DecimalMax("1") @DefaultValue("0.9") double answerSimilarityThreshold,
        @Min(1) @DefaultValue("32") int endpointThreads,
        @Min(0) @DefaultValue("1000") int endpointQueue) {
}
