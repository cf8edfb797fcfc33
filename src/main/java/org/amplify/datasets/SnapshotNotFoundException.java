package org.amplify.datasets;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class SnapshotNotFoundException extends RuntimeException {

    public SnapshotNotFoundException(long id) {
        super("No snapshot with id " + id);
    }
}
