package org.amplify.distillation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No round has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RoundNotFoundException extends RuntimeException {

    public RoundNotFoundException(long id) {
        super("No round with id " + id);
    }
}
