package org.amplify.questions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No workspace has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class WorkspaceNotFoundException extends RuntimeException {

    public WorkspaceNotFoundException(long id) {
        super("No workspace with id " + id);
    }
}
