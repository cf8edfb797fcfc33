package org.amplify.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.amplify.models.ModelSize;

/**
 * H' as a DJL block: a small causal transformer over a transcript written as one token sequence, in
 * the spirit of the paper's asker. Each position's vector is the sum of its token's embedding, its
 * token type's (question, action kind, subquestion, subanswer, final answer) and its position's in
 * the transcript; pre-LayerNorm self-attention layers, each position seeing itself and what came
 * before. The next token's distribution at every position mixes, as the paper's asker does, a copy
 * head (a pointer at an earlier position whose token it copies: most of H's subquestions are made of
 * names it read in the question or in an answer) and a generator over the whole vocabulary.
 *
 * <p>Inputs: tokens {@code [B, T]} and token types {@code [B, T]} as int32, left-aligned, padding on
 * the right (a causal model never looks ahead, so padding changes no real position). Output:
 * log-probabilities of the next token {@code [B, T, vocabulary]}. LayerNorm, not BatchNorm: a
 * prediction never depends on the rest of its batch.
 */
public final class AskerBlock extends ParameterBlock {

    /** Token types: where a token stands in the transcript. */
    public static final int QUESTION = 0;
    public static final int KIND = 1;
    public static final int SUBQUESTION = 2;
    public static final int SUBANSWER = 3;
    public static final int ANSWER = 4;
    private static final int TYPES = 5;

    private static final float TINY = 1e-9f;
    private static final float MASKED = -1e9f;

    private final ModelSize size;
    private final int vocabulary;
    private final int maxLength;
    private final Parameter tokenEmbedding;
    private final Parameter typeEmbedding;
    private final Parameter positionEmbedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final Parameter outGamma;
    private final Parameter outBeta;
    private final Parameter outWeight;
    private final Parameter outBias;
    private final Parameter copyQuery;
    private final Parameter copyKey;
    private final Parameter mixWeight;
    private final Parameter mixBias;

    /**
     * @param vocabulary the domain's tokens and the two action kinds
     * @param maxLength the longest transcript, question and next action included
     */
    public AskerBlock(ModelSize size, int vocabulary, int maxLength) {
        this.size = size;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        int d = size.width();
        tokenEmbedding = weight("token_embedding", vocabulary, d);
        typeEmbedding = weight("type_embedding", TYPES, d);
        positionEmbedding = weight("position_embedding", maxLength, d);
        for (int i = 0; i < size.layers(); i++) {
            layers.add(new TransformerLayer(i, d, size.heads(), size.feedForward()));
        }
        outGamma = gamma("out_gamma", d);
        outBeta = beta("out_beta", d);
        outWeight = weight("out_weight", d, vocabulary);
        outBias = bias("out_bias", vocabulary);
        copyQuery = weight("copy_query", d, d);
        copyKey = weight("copy_key", d, d);
        mixWeight = weight("mix_weight", d, 2);
        mixBias = bias("mix_bias", 2);
    }

    public int maxLength() {
        return maxLength;
    }

    /** Shapes to initialize the block with (any batch size and length up to the maximum work afterwards). */
    public Shape[] exampleInputShapes() {
        return new Shape[] {new Shape(1, 2), new Shape(1, 2)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray tokens = inputs.get(0).toType(DataType.INT32, false);
        NDArray types = inputs.get(1).toType(DataType.INT32, false);
        long batch = tokens.getShape().get(0);
        long length = tokens.getShape().get(1);
        if (length > maxLength) {
            throw new IllegalArgumentException("a transcript of " + length + " tokens, the most is " + maxLength);
        }
        int d = size.width();
        NDArray oneHotTokens = tokens.oneHot(vocabulary); // [B, T, V]
        NDArray positions = stepLocal(value(store, positionEmbedding, tokens, training).get(new NDIndex("0:{}", length)), tokens);
        NDArray x = oneHotTokens.matMul(value(store, tokenEmbedding, tokens, training))
                .add(types.oneHot(TYPES).matMul(value(store, typeEmbedding, tokens, training)))
                .add(positions.expandDims(0)); // [B, T, d]
        NDArray causal = causalBias(tokens.getManager(), length); // [T, T]

        for (TransformerLayer layer : layers) {
            x = layer.apply(store, x, causal, training);
        }
        NDArray h = layerNorm(x, value(store, outGamma, x, training), value(store, outBeta, x, training));
        NDArray generated = h.matMul(value(store, outWeight, x, training)).add(value(store, outBias, x, training))
                .softmax(-1); // [B, T, V]
        NDArray queries = h.matMul(value(store, copyQuery, x, training));
        NDArray keys = h.matMul(value(store, copyKey, x, training));
        NDArray pointer = queries.matMul(keys.transpose(0, 2, 1)).div(constant(x, Math.sqrt(d)))
                .add(causal).softmax(-1); // [B, T, T]: which earlier token to copy
        NDArray copied = pointer.matMul(oneHotTokens.toType(DataType.FLOAT32, false)); // [B, T, V]
        NDArray mix = h.matMul(value(store, mixWeight, x, training)).add(value(store, mixBias, x, training))
                .softmax(-1); // [B, T, 2]
        NDArray probabilities = copied.mul(mix.get(":, :, 0:1")).add(generated.mul(mix.get(":, :, 1:2")));
        return new NDList(probabilities.add(constant(x, TINY)).log());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), vocabulary)};
    }

    /** 0 where a position may look (itself and before), a large negative number after it. */
    private static NDArray causalBias(NDManager manager, long length) {
        NDArray rows = manager.arange(0, (int) length, 1, DataType.INT32).reshape(length, 1);
        NDArray columns = manager.arange(0, (int) length, 1, DataType.INT32).reshape(1, length);
        return columns.gt(rows).toType(DataType.FLOAT32, false).mul(manager.create(MASKED));
    }
}
