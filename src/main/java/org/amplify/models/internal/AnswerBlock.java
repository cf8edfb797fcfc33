package org.amplify.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.amplify.models.ModelSize;

/**
 * X as a DJL block: the question and every fact of its context become one vector each (their
 * tokens' embeddings, from one table shared by all, concatenated in order and projected; no other
 * positions, as the facts are a set); pre-LayerNorm self-attention layers mix them. The answer, read
 * from the question's vector at the end, mixes two heads, as the paper's answerer does: a copy head
 * that points at one fact and copies its token at some position (most answers are a name found in
 * the context), and a generator over the whole vocabulary (its own output layer: tying it to the
 * input embeddings made training diverge).
 *
 * <p>Inputs: facts {@code [B, F, factLength]} and questions {@code [B, questionLength]} as int32
 * tokens, and a fact mask {@code [B, F]} (1 for a real fact, 0 for padding, so contexts of different
 * sizes share a batch). Output: log-probabilities {@code [B, vocabulary]}, usable as logits. LayerNorm,
 * not BatchNorm: an answer never depends on the rest of its batch.
 */
public final class AnswerBlock extends ParameterBlock {

    private static final float TINY = 1e-9f;

    private final ModelSize size;
    private final int vocabulary;
    private final int factLength;
    private final int questionLength;
    private final Parameter tokenEmbedding;
    private final Parameter factProjection;
    private final Parameter questionProjection;
    private final List<TransformerLayer> layers = new ArrayList<>();
    /** Per layer: a learned bias per head for each pair of tuple slots holding the same token. */
    private final List<Parameter> matchBiases = new ArrayList<>();
    private final Parameter outGamma;
    private final Parameter outBeta;
    private final Parameter outWeight;
    private final Parameter outBias;
    private final Parameter copyQuery;
    private final Parameter copyKey;
    private final Parameter mixWeight;
    private final Parameter mixBias;
    private final Parameter copyMatch;
    private final int tupleLength;

    public AnswerBlock(ModelSize size, int vocabulary, int factLength, int questionLength) {
        this.size = size;
        this.vocabulary = vocabulary;
        this.factLength = factLength;
        this.questionLength = questionLength;
        this.tupleLength = Math.max(factLength, questionLength);
        int d = size.width();
        tokenEmbedding = weight("token_embedding", vocabulary, d);
        factProjection = weight("fact_projection", d * factLength, d);
        questionProjection = weight("question_projection", d * questionLength, d);
        for (int i = 0; i < size.layers(); i++) {
            layers.add(new TransformerLayer(i, d, size.heads(), size.feedForward()));
            matchBiases.add(weight("layer" + i + "_match", tupleLength * tupleLength, size.heads()));
        }
        outGamma = gamma("out_gamma", d);
        outBeta = beta("out_beta", d);
        outWeight = weight("out_weight", d, vocabulary);
        outBias = bias("out_bias", vocabulary);
        copyQuery = weight("copy_query", d, factLength * d);
        copyKey = weight("copy_key", d, factLength * d);
        mixWeight = weight("mix_weight", d, factLength + 1);
        mixBias = bias("mix_bias", factLength + 1);
        copyMatch = weight("copy_match", tupleLength * tupleLength, factLength);
    }

    public ModelSize size() {
        return size;
    }

    /** Shapes to initialize the block with (any batch size works afterwards). */
    public Shape[] exampleInputShapes() {
        return new Shape[] {new Shape(1, 1, factLength), new Shape(1, questionLength), new Shape(1, 1)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray facts = inputs.get(0);
        NDArray questions = inputs.get(1);
        NDArray factMask = inputs.get(2);
        long batch = facts.getShape().get(0);
        long nFacts = facts.getShape().get(1);
        int d = size.width();

        NDArray tokens = value(store, tokenEmbedding, facts, training);
        NDArray factVectors = embed(facts, tokens, value(store, factProjection, facts, training));
        NDArray questionVectors = embed(questions.expandDims(1), tokens,
                value(store, questionProjection, facts, training));
        NDArray x = NDArrays.concat(new NDList(questionVectors, factVectors), 1); // [B, 1+F, d]

        // keys that are padding get -1e9 before the softmax; the question itself is always a key
        NDArray keyValid = NDArrays.concat(new NDList(factMask.getManager().ones(new Shape(batch, 1)),
                factMask.toType(DataType.FLOAT32, false)), 1);
        NDArray keyBias = keyValid.sub(1f).mul(1e9f).reshape(batch, 1, 1, 1 + nFacts);
        NDArray matches = matches(facts, questions); // [B, 1+F, 1+F, T*T]

        NDList logitBiases = logitBiases(store, matches, keyBias, x, training);
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).apply(store, x, logitBiases.get(i), training);
        }
        NDArray normed = layerNorm(x, value(store, outGamma, x, training), value(store, outBeta, x, training));
        NDArray question = normed.get(":, 0, :").reshape(batch, d);
        NDArray factStates = normed.get(":, 1:, :");
        NDArray generated = linear(question, value(store, outWeight, x, training), value(store, outBias, x, training))
                .softmax(-1).expandDims(1); // [B, 1, V]
        NDArray copyBias = matches.get(":, 0, 1:, :").matMul(value(store, copyMatch, x, training))
                .transpose(0, 2, 1); // [B, P, F]: the question's token matches with each fact
        NDArray copied = copy(store, question, factStates, facts, keyBias, copyBias, training); // [B, P, V]
        NDArray mix = linear(question, value(store, mixWeight, x, training), value(store, mixBias, x, training))
                .softmax(-1).expandDims(1); // [B, 1, P+1]
        NDArray probabilities = mix.matMul(NDArrays.concat(new NDList(copied, generated), 1)).reshape(batch,
                vocabulary);
        return new NDList(probabilities.add(TINY).log());
    }

    /**
     * The copy head, as in the paper's answerer: for each position p of a fact, the question points at
     * one fact (attention over the facts, padding excluded) and that fact's token at p is copied. Gives
     * {@code [B, P, V]}: per position, a distribution over the tokens found there.
     */
    private NDArray copy(ParameterStore store, NDArray question, NDArray factStates, NDArray facts,
            NDArray keyBias, NDArray matchBias, boolean training) {
        long batch = factStates.getShape().get(0);
        long nFacts = factStates.getShape().get(1);
        int d = size.width();
        NDArray queries = question.matMul(value(store, copyQuery, question, training))
                .reshape(batch, factLength, d, 1); // [B, P, d, 1]
        NDArray keys = factStates.matMul(value(store, copyKey, question, training))
                .reshape(batch, nFacts, factLength, d).transpose(0, 2, 1, 3); // [B, P, F, d]
        NDArray factBias = keyBias.reshape(batch, 1, 1 + nFacts).get(":, :, 1:"); // [B, 1, F]
        NDArray pointer = keys.matMul(queries).reshape(batch, factLength, nFacts).div(constant(question, Math.sqrt(d)))
                .add(matchBias).add(factBias).softmax(-1).expandDims(2); // [B, P, 1, F]
        NDArray tokens = oneHot(facts).transpose(0, 2, 1, 3); // [B, P, F, V]
        return pointer.matMul(tokens).reshape(batch, factLength, vocabulary);
    }

    /** Int tokens {@code [..., n]} as float one-hot vectors {@code [..., n, V]} (a comparison, no scatter). */
    private NDArray oneHot(NDArray tokens) {
        NDArray all = tokens.getManager().arange(0, vocabulary, 1, DataType.INT32);
        return tokens.expandDims(-1).eq(all).toType(DataType.FLOAT32, false);
    }

    /**
     * Every layer's attention-logit bias {@code [B, heads, 1+F, 1+F]}: its learned weights for the token
     * matches plus the padding bias. One product for all layers (their weights side by side) rather than
     * one each: the matches are the largest input of the block, and a product with a few columns costs
     * about as much as one with many.
     */
    private NDList logitBiases(ParameterStore store, NDArray matches, NDArray keyBias, NDArray like,
            boolean training) {
        NDList weights = new NDList(matchBiases.size());
        for (Parameter matchBias : matchBiases) {
            weights.add(value(store, matchBias, like, training));
        }
        NDArray all = matches.matMul(stepLocal(NDArrays.concat(weights, 1), like)).transpose(0, 3, 1, 2).add(keyBias);
        return all.split(matchBiases.size(), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), vocabulary)};
    }

    /**
     * Which tokens two items share, as in the exact-match features of reading comprehension models:
     * for items i and j (the question first, then the facts) and token positions p of i and q of j, 1
     * when i's token at p is j's token at q. Each attention head (and the copy head) learns a weight
     * per (p, q), so following a name from one fact to the fact about it is there from the start
     * rather than learned through the embeddings. Gives {@code [B, 1+F, 1+F, T*T]}, T the longer
     * tuple length; padding never matches.
     */
    private NDArray matches(NDArray facts, NDArray questions) {
        long batch = facts.getShape().get(0);
        long items = 1 + facts.getShape().get(1);
        NDArray asked = padTuples(facts, questions, -1).reshape(batch, items, 1, tupleLength, 1);
        NDArray seen = padTuples(facts, questions, -2).reshape(batch, 1, items, 1, tupleLength);
        return asked.eq(seen).toType(DataType.FLOAT32, false)
                .reshape(batch, items, items, (long) tupleLength * tupleLength);
    }

    /** The question and the facts as one {@code [B, 1+F, T]} int tensor, padded with {@code pad}. */
    private NDArray padTuples(NDArray facts, NDArray questions, int pad) {
        long batch = facts.getShape().get(0);
        long nFacts = facts.getShape().get(1);
        NDArray q = questions.toType(DataType.INT32, false).reshape(batch, 1, questionLength);
        NDArray f = facts.toType(DataType.INT32, false);
        if (questionLength < tupleLength) {
            q = NDArrays.concat(new NDList(q, q.getManager().full(new Shape(batch, 1, tupleLength - questionLength),
                    pad, DataType.INT32)), 2);
        }
        if (factLength < tupleLength) {
            f = NDArrays.concat(new NDList(f, f.getManager().full(new Shape(batch, nFacts, tupleLength - factLength),
                    pad, DataType.INT32)), 2);
        }
        return NDArrays.concat(new NDList(q, f), 1);
    }

    /** Tuples of tokens {@code [B, F, length]} to vectors {@code [B, F, d]}: embed, concatenate, project. */
    private NDArray embed(NDArray tuples, NDArray tokenTable, NDArray projection) {
        Shape shape = tuples.getShape();
        NDArray embedded = Embedding.embedding(tuples, tokenTable, SparseFormat.DENSE).singletonOrThrow();
        return embedded.reshape(shape.get(0), shape.get(1), shape.get(2) * size.width()).matMul(projection);
    }
}
