package org.amplify.questions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No tree has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TreeNotFoundException extends RuntimeException {

    public TreeNotFoundException(long id) {
        super("No tree with id " + id);
    }
}
