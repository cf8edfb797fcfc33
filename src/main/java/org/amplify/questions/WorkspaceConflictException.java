package org.amplify.questions;

/**
 * Someone saved the workspace since this expert loaded it: their save is refused rather than
 * overwriting the other's; their text is kept (in the history) and given back.
 */
public class WorkspaceConflictException extends QuestionRefusedException {

    private final String yourScratchpad;
    private final String yourDraftAnswer;

    public WorkspaceConflictException(String savedBy, String yourScratchpad, String yourDraftAnswer) {
        super(null, savedBy + " saved this workspace after you opened it. Your text was not saved over theirs: it is "
                + "below, and kept in the history. Compare, then save again.");
        this.yourScratchpad = yourScratchpad;
        this.yourDraftAnswer = yourDraftAnswer;
    }

    public String yourScratchpad() {
        return yourScratchpad;
    }

    public String yourDraftAnswer() {
        return yourDraftAnswer;
    }
}
