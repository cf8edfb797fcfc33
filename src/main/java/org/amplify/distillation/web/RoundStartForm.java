package org.amplify.distillation.web;

import org.amplify.distillation.RoundRequest;

/**
 * The Rounds page's start form, bound by Spring MVC: blank epochs are absent (the default), epochs
 * that are not a whole number are a type mismatch; the rest is the service's to check.
 */
record RoundStartForm(String domain, Boolean allTranscripts, Boolean autoPromote, Integer epochs) {

    RoundRequest toRequest() {
        return new RoundRequest(domain, allTranscripts, autoPromote, epochs, null, false);
    }
}
