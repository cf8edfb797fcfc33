package org.amplify.models;

/** Endpoint settings that cannot be registered: the field at fault and why (a 400 naming the field). */
public class EndpointRejectedException extends RuntimeException {

    private final String field;

    public EndpointRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The registration's field at fault, as the API names it (e.g. {@code baseUrl}). */
    public String field() {
        return field;
    }
}
