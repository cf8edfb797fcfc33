package org.amplify.experiments.web;

import org.amplify.experiments.ExperimentRejectedException;
import org.amplify.experiments.ExperimentService;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a run that span fields or depend on the domain and the limits (a size in the domain's
 * range, H' settings for IA with H' only, a curriculum for IA only …): the service's, so that the form
 * and the API refuse the same requests in the same words. A field that did not bind keeps its
 * type-mismatch error.
 */
@Component
class StartFormValidator implements Validator {

    private final ExperimentService experiments;

    StartFormValidator(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Override
    public boolean supports(Class<?> type) {
        return StartForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        try {
            experiments.check(((StartForm) target).toCheckedRequest());
        } catch (ExperimentRejectedException e) {
            FieldProblems.reject(e.problems(), errors);
        }
    }
}
