package org.amplify.experiments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No adversarial search has the given id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AdversarialSearchNotFoundException extends RuntimeException {

    public AdversarialSearchNotFoundException(long id) {
        super("No adversarial search with id " + id);
    }
}
