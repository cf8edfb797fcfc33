package org.amplify.models;

/**
 * How a {@link TextModel} is trained.
 *
 * @param members ensemble members (copies), each trained with its own seed on its own bootstrap sample
 * @param width the size of a question's embedding
 * @param epochs passes over each member's bootstrap sample; 0 keeps the starting weights
 * @param batch examples per Adam step
 * @param learningRate Adam's learning rate
 */
public record TextTraining(int members, int width, int epochs, int batch, float learningRate) {

    public TextTraining {
        if (members < 1 || width < 1 || epochs < 0 || batch < 1) {
            throw new IllegalArgumentException("members, width and batch must be at least 1 and epochs at least 0: "
                    + members + ", " + width + ", " + batch + ", " + epochs);
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number: " + learningRate);
        }
    }

    /** Small enough to train 500 examples in seconds on 2 CPU cores. */
    public static TextTraining defaults() {
        return new TextTraining(3, 64, 10, 32, 0.01f);
    }

    public TextTraining withMembers(int members) {
        return new TextTraining(members, width, epochs, batch, learningRate);
    }

    public TextTraining withEpochs(int epochs) {
        return new TextTraining(members, width, epochs, batch, learningRate);
    }
}
