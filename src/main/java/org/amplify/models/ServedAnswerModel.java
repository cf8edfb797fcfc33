package org.amplify.models;

import java.util.List;

/**
 * What the copies of an algorithmic domain need from its champion: the answer distribution of each
 * question. A model trained here ({@link AnswerModel}) or an imported TorchScript module; see
 * {@link ModelRegistry#serve}. Not thread-safe.
 */
public interface ServedAnswerModel extends AutoCloseable {

    /** The answer distribution of each question: {@code [question][token]}, each row summing to 1. */
    float[][] distributions(List<ModelInput> inputs);

    @Override
    void close();
}
