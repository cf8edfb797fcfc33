package org.amplify.amplification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No suggestion with the given id was shown in the given workspace. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SuggestionNotFoundException extends RuntimeException {

    public SuggestionNotFoundException(long workspaceId, long suggestionId) {
        super("Workspace " + workspaceId + " was shown no suggestion with id " + suggestionId);
    }
}
