package org.amplify.experiments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No experiment has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ExperimentNotFoundException extends RuntimeException {

    public ExperimentNotFoundException(long id) {
        super("No experiment with id " + id);
    }
}
