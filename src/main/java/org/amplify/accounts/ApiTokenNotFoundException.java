package org.amplify.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The current user has no token with the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ApiTokenNotFoundException extends RuntimeException {

    public ApiTokenNotFoundException(long id) {
        super("You have no API token with id " + id);
    }
}
