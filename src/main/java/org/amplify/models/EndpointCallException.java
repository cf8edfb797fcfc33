package org.amplify.models;

/** A request to a chat endpoint that gave no answer; {@link #reason()} says why, for people. */
public class EndpointCallException extends RuntimeException {

    /** Why a call gave no answer. */
    public enum Reason {
        /** no answer within the endpoint's timeout */
        TIMEOUT,
        /** still HTTP 429 after the retries with back-off */
        RATE_LIMITED,
        /** another HTTP error status */
        HTTP_ERROR,
        /** the endpoint could not be reached (connection refused, unknown host) */
        UNREACHABLE,
        /** an answer that is not a chat completion, or one with no content */
        BAD_RESPONSE
    }

    private final Reason reason;

    public EndpointCallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
