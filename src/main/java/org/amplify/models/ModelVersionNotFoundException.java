package org.amplify.models;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No model version has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ModelVersionNotFoundException extends RuntimeException {

    public ModelVersionNotFoundException(long id) {
        super("No model version with id " + id);
    }
}
