package org.amplify.experiments.web;

import java.util.List;
import org.amplify.experiments.ExperimentRejectedException.FieldProblem;
import org.springframework.validation.Errors;

/** The service's reasons for refusing a run, as field errors of a form (one per field: the first stays). */
final class FieldProblems {

    private FieldProblems() {}

    static void reject(List<FieldProblem> problems, Errors errors) {
        for (FieldProblem problem : problems) {
            if (errors.getFieldType(problem.field()) == null) {
                errors.reject("rejected", problem.field() + " " + problem.message());
            } else if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), "rejected", problem.message());
            }
        }
    }
}
