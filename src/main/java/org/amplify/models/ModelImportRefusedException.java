package org.amplify.models;

/**
 * An imported model is not accepted: the reason says what is wrong (the file does not load, its output
 * does not fit the domain, …). Nothing was registered and no file was kept.
 *
 * @see ModelImport
 */
public class ModelImportRefusedException extends RuntimeException {

    private final String field;

    public ModelImportRefusedException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The form field the reason is about: {@code domain}, {@code file} or {@code note}. */
    public String field() {
        return field;
    }
}
