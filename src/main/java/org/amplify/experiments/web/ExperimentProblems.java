package org.amplify.experiments.web;

import org.amplify.experiments.ExperimentRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused request to the experiments' API (an experiment, an adversarial search): a 400 problem
 * naming every bad field ({@code errors: [{field, message}]}). Before the application's catch-all.
 */
@RestControllerAdvice(assignableTypes = {ExperimentApiController.class, AdversarialSearchApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExperimentProblems {

    @ExceptionHandler(ExperimentRejectedException.class)
    ProblemDetail rejected(ExperimentRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
