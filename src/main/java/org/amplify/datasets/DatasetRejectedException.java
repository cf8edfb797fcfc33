package org.amplify.datasets;

/** A bad parameter of an export: {@code field} names it (a 400 on the API). */
public class DatasetRejectedException extends RuntimeException {

    private final String field;

    public DatasetRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
