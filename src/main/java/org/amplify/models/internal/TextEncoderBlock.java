package org.amplify.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * One ensemble member of the {@code text} domain's model as a DJL block: the encoder embeds a
 * question (the mean of its tokens' embeddings, a tanh layer, a linear layer to the width, then
 * L2-normalised) and an answer head reads a distribution over the known answers from the embedding.
 * The head trains the encoder; a copy answers with the nearest remembered question's embedding.
 *
 * <p>Input: a question's bag of hashed tokens {@code [B, buckets]} (weights summing to 1 per row, see
 * {@link QuestionFeatures}); the mean of the token embeddings is then one matrix product, and its
 * gradient is dense. Outputs: the embeddings {@code [B, width]} (unit length) and the answer logits
 * {@code [B, answers]}.
 */
public final class TextEncoderBlock extends ParameterBlock {

    private static final float TINY = 1e-12f;

    private final int buckets;
    private final int width;
    private final int answers;
    private final Parameter tokenEmbedding;
    private final Parameter hidden;
    private final Parameter hiddenBias;
    private final Parameter projection;
    private final Parameter projectionBias;
    private final Parameter head;
    private final Parameter headBias;

    public TextEncoderBlock(int buckets, int width, int answers) {
        if (buckets < 1 || width < 1 || answers < 1) {
            throw new IllegalArgumentException("buckets, width and answers must be at least 1");
        }
        this.buckets = buckets;
        this.width = width;
        this.answers = answers;
        tokenEmbedding = weight("token_embedding", buckets, width);
        hidden = weight("hidden", width, width);
        hiddenBias = bias("hidden_bias", width);
        projection = weight("projection", width, width);
        projectionBias = bias("projection_bias", width);
        head = weight("head", width, answers);
        headBias = bias("head_bias", answers);
    }

    /** Shapes to initialize the block with (any batch size works afterwards). */
    public Shape[] exampleInputShapes() {
        return new Shape[] {new Shape(1, buckets)};
    }

    /** The encoder's parameters: what a model trained from a parent copies from it as they are. */
    public List<Parameter> encoderParameters() {
        return List.of(tokenEmbedding, hidden, hiddenBias, projection, projectionBias);
    }

    /** The answer head's weights {@code [width, answers]}: one column per answer. */
    public Parameter head() {
        return head;
    }

    /** The answer head's bias {@code [answers]}. */
    public Parameter headBias() {
        return headBias;
    }

    public int buckets() {
        return buckets;
    }

    public int width() {
        return width;
    }

    public int answers() {
        return answers;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray bag = inputs.singletonOrThrow();
        NDArray mean = bag.matMul(value(store, tokenEmbedding, bag, training));
        NDArray h = mean.matMul(value(store, hidden, bag, training)).add(value(store, hiddenBias, bag, training)).tanh();
        NDArray z = h.matMul(value(store, projection, bag, training)).add(value(store, projectionBias, bag, training));
        NDArray embedding = z.div(z.square().sum(new int[] {1}, true).add(TINY).sqrt());
        NDArray logits = embedding.matMul(value(store, head, bag, training)).add(value(store, headBias, bag, training));
        return new NDList(embedding, logits);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, width), new Shape(batch, answers)};
    }

}
