package org.amplify.experiments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A finished experiment cannot be cancelled. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ExperimentFinishedException extends RuntimeException {

    public ExperimentFinishedException(Experiment experiment) {
        super("Experiment " + experiment.id() + " has already finished: " + experiment.status());
    }
}
