package org.amplify.models;

import java.util.ArrayList;
import java.util.List;
import org.amplify.domains.ExpertStep;
import org.amplify.domains.Transcript;

/** One of H's actions after a prefix of its transcript: what H' learns to predict. */
public record AskerExample(AskerInput input, ExpertStep action) {

    /**
     * Every action of a transcript with the prefix it was taken after: each subquestion H asked,
     * then its final answer (a transcript of k exchanges gives k + 1 examples).
     */
    public static List<AskerExample> of(Transcript transcript) {
        List<AskerExample> examples = new ArrayList<>(transcript.exchanges().size() + 1);
        for (int i = 0; i < transcript.exchanges().size(); i++) {
            examples.add(new AskerExample(new AskerInput(transcript.question(), transcript.exchanges().subList(0, i)),
                    ExpertStep.ask(transcript.exchanges().get(i).subquestion())));
        }
        examples.add(new AskerExample(new AskerInput(transcript.question(), transcript.exchanges()),
                ExpertStep.answer(transcript.answer())));
        return examples;
    }

    /** The examples of many transcripts, in order. */
    public static List<AskerExample> of(List<Transcript> transcripts) {
        List<AskerExample> examples = new ArrayList<>();
        for (Transcript transcript : transcripts) {
            examples.addAll(of(transcript));
        }
        return examples;
    }
}
