package org.amplify.questions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No subquestion has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SubquestionNotFoundException extends RuntimeException {

    public SubquestionNotFoundException(long id) {
        super("No subquestion with id " + id);
    }
}
