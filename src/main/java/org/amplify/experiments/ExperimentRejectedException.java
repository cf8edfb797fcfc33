package org.amplify.experiments;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request to start an experiment was refused: every bad field, each with the reason in words fit
 * to show next to the field.
 */
public class ExperimentRejectedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ExperimentRejectedException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** @param field the name of the field, as in the form and the JSON body */
    public record FieldProblem(String field, String message) {}
}
