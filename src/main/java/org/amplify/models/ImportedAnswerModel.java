package org.amplify.models;

import java.util.List;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.internal.TorchScriptModule;

/**
 * An imported TorchScript model of an algorithmic domain (see the README, "Importing a model"). Its
 * input is one int64 tensor {@code [B, L]}: per question, its tokens, then the tokens of every fact of
 * its context in order, each token id plus one; 0 pads the rows of smaller contexts, so
 * {@code L = questionLength + F · factLength} with F the most facts of a context in the batch. Its
 * output is one float32 tensor {@code [B, V]}: logits over the domain's V tokens.
 */
final class ImportedAnswerModel implements ServedAnswerModel {

    /** The id that pads a row: token ids are shifted by one so that token 0 ("?") is not padding. */
    static final long PADDING = 0;

    private final TorchScriptModule module;
    private final int vocabulary;
    private final int factLength;
    private final int questionLength;

    private ImportedAnswerModel(TorchScriptModule module, AlgorithmicDomain domain) {
        this.module = module;
        this.vocabulary = domain.vocabulary().size();
        this.factLength = domain.factLength();
        this.questionLength = domain.questionLength();
    }

    /**
     * @throws TorchScriptModule.Refusal if the file is not TorchScript
     */
    static ImportedAnswerModel load(AlgorithmicDomain domain, byte[] content) {
        return new ImportedAnswerModel(TorchScriptModule.load(content), domain);
    }

    /**
     * The module's logits for each question, {@code [question][token]}.
     *
     * @throws TorchScriptModule.Refusal if the module fails or answers outside the contract
     */
    float[][] logits(List<ModelInput> inputs) {
        int maxFacts = 0;
        for (ModelInput input : inputs) {
            maxFacts = Math.max(maxFacts, input.facts().length);
        }
        int length = questionLength + maxFacts * factLength;
        long[] tokens = new long[inputs.size() * length];
        for (int b = 0; b < inputs.size(); b++) {
            ModelInput input = inputs.get(b);
            int at = b * length;
            for (int token : input.question().tokens()) {
                tokens[at++] = token + 1L;
            }
            for (int[] fact : input.facts()) {
                for (int token : fact) {
                    tokens[at++] = token + 1L;
                }
            }
        }
        TorchScriptModule.Output output = module.forward(tokens, inputs.size(), length, vocabulary, vocabulary);
        float[][] logits = new float[inputs.size()][vocabulary];
        for (int b = 0; b < inputs.size(); b++) {
            System.arraycopy(output.values(), b * vocabulary, logits[b], 0, vocabulary);
        }
        return logits;
    }

    @Override
    public float[][] distributions(List<ModelInput> inputs) {
        float[][] distributions = logits(inputs);
        for (float[] row : distributions) {
            float max = Float.NEGATIVE_INFINITY;
            for (float value : row) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) Math.exp(row[i] - max);
                sum += row[i];
            }
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (row[i] / sum);
            }
        }
        return distributions;
    }

    @Override
    public void close() {
        module.close();
    }
}
