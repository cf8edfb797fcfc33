package org.amplify.models;

import java.util.List;
import java.util.Map;

/**
 * What the copies of the {@code text} domain need from its champion: members (the copies), each
 * answering with the answer of the nearest question it remembers. A model trained here
 * ({@link TextModel}) or an imported TorchScript encoder; see {@link ModelRegistry#serveText}.
 */
public interface ServedTextModel extends AutoCloseable {

    /** The number of members (copies). */
    int members();

    /** A member's answers to a batch of questions. */
    List<TextAnswer> answers(int member, List<String> questions);

    /** A member's answer: the answer of the remembered question nearest to this one. */
    default TextAnswer answer(int member, String question) {
        return answers(member, List.of(question)).get(0);
    }

    /**
     * A member's embeddings of the texts, one row each, L2-normalised: the dot product of two rows is
     * their cosine similarity, the measure the member answers by.
     */
    float[][] embeddings(int member, List<String> texts);

    /** The questions a member remembers, each with its answer, in order. */
    Map<String, String> memory(int member);

    @Override
    void close();
}
