package org.amplify.experiments.web;

import org.amplify.experiments.AdversarialSearchService;
import org.amplify.experiments.ExperimentRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of an adversarial search (a model trained here, of an algorithmic domain; queries and
 * steps within the limits): the service's, so that the form and the API refuse the same requests in
 * the same words. A field that did not bind keeps its type-mismatch error.
 */
@Component
class SearchFormValidator implements Validator {

    private final AdversarialSearchService searches;

    SearchFormValidator(AdversarialSearchService searches) {
        this.searches = searches;
    }

    @Override
    public boolean supports(Class<?> type) {
        return SearchForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        try {
            searches.check(((SearchForm) target).toRequest());
        } catch (ExperimentRejectedException e) {
            FieldProblems.reject(e.problems(), errors);
        }
    }
}
