package org.amplify.models;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the models module ({@code amplify.models.*}).
 *
 * @param endpointSecret the secret that the API keys of chat endpoints are encrypted under (env
 *     {@code AMPLIFY_MODELS_ENDPOINT_SECRET}). Unset: a random secret is generated once and kept in
 *     {@code <data-dir>/endpoint-secret}, readable by its owner only. Several nodes must share one
 *     secret: set this property to the same value on each of them.
 */
@Validated
@ConfigurationProperties("amplify.models")
public record ModelsProperties(String endpointSecret) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ModelsProperties[endpointSecret=" + (endpointSecret == null ? "unset" : "(hidden)") + "]";
    }
}
