package org.amplify.amplification;

import java.util.List;

/**
 * What a workspace is suggested, and by which text model version.
 *
 * @param modelVersionId the text champion that measured the similarities, or null when there is none
 * @param modelVersion its version number within the domain, or null
 * @param note why there is nothing to suggest (null when {@code suggestions} is not empty)
 */
public record Suggestions(Long modelVersionId, Integer modelVersion, List<Suggestion> suggestions, String note) {

    public Suggestions {
        suggestions = List.copyOf(suggestions);
    }

    static Suggestions none(Long modelVersionId, Integer modelVersion, String note) {
        return new Suggestions(modelVersionId, modelVersion, List.of(), note);
    }
}
