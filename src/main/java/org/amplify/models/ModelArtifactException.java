package org.amplify.models;

/** A registered model's file is missing, altered (checksum mismatch) or unreadable. */
public class ModelArtifactException extends RuntimeException {

    public ModelArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
