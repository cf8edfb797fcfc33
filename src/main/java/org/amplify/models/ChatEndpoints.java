package org.amplify.models;

import java.util.Optional;

/**
 * The language models of the {@code text} domain that answer behind an OpenAI-compatible
 * chat-completions endpoint (model versions of kind {@link ModelKind#ENDPOINT}): registering one, its
 * settings, and sampling it.
 */
public interface ChatEndpoints {

    /**
     * Checks the endpoint with one test request and registers it as the next version of {@code text}.
     *
     * @param by the admin's user name
     * @throws EndpointRejectedException naming the field, for bad settings or a failed test request
     */
    ModelVersion register(EndpointRegistration registration, String by);

    /** The settings of an endpoint version; empty when the version is not one. */
    Optional<EndpointSettings> settings(long versionId);

    /**
     * One sample of the endpoint's chat model (a blocking call; safe from many threads at once).
     * Retries HTTP 429 with back-off, within the version's timeout.
     *
     * @throws EndpointCallException when it gives no answer
     * @throws IllegalArgumentException when the version is not an endpoint
     */
    ChatReply complete(ModelVersion version, ChatPrompt prompt);
}
