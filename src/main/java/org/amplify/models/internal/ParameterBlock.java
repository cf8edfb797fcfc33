package org.amplify.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * What the models' hand-written blocks share: declaring their parameters, reading them in a forward
 * pass, layer normalisation, scalars that are safe for autograd, and the pre-LayerNorm transformer
 * layer of X and H'.
 */
abstract class ParameterBlock extends AbstractBlock {

    private static final float EPSILON = 1e-5f;

    protected final Parameter weight(String name, int rows, int columns) {
        return parameter(name, Parameter.Type.WEIGHT, new Shape(rows, columns));
    }

    protected final Parameter bias(String name, int length) {
        return parameter(name, Parameter.Type.BIAS, new Shape(length));
    }

    protected final Parameter gamma(String name, int length) {
        return parameter(name, Parameter.Type.GAMMA, new Shape(length));
    }

    protected final Parameter beta(String name, int length) {
        return parameter(name, Parameter.Type.BETA, new Shape(length));
    }

    private Parameter parameter(String name, Parameter.Type type, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).build());
    }

    /** The parameter's array for this forward pass, on the device of {@code like}. */
    protected static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return store.getValue(parameter, like.getDevice(), training);
    }

    /** Layer normalisation over the last axis, scaled by {@code gamma} and shifted by {@code beta}. */
    protected static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta) {
        return x.getNDArrayInternal().layerNorm(x, new Shape(x.getShape().tail()), gamma, beta, EPSILON)
                .singletonOrThrow();
    }

    /**
     * {@code x·weight + bias} as one fused operation (PyTorch's {@code linear}, which takes the weight
     * as {@code [out, in]}; ours are {@code [in, out]}): fewer operations and intermediate arrays than a
     * product and a sum, forward and backward.
     */
    protected static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, stepLocal(weight.transpose(), x), bias).singletonOrThrow();
    }

    /**
     * An array made from a parameter, moved into the manager of {@code like} (the step's): DJL puts the
     * result of an operation in its first operand's manager, which for a parameter is the model's,
     * closed only with the model, so every step would leak one.
     */
    protected static NDArray stepLocal(NDArray fromParameter, NDArray like) {
        fromParameter.attach(like.getManager());
        return fromParameter;
    }

    /**
     * A scalar for arithmetic on arrays that autograd tracks. Never {@code NDArray.div(Number)} or
     * {@code mul(Number)} there: DJL's PyTorch engine wraps the number in a tensor over a Java buffer,
     * closes it at once, and the garbage collector may free that buffer before the backward pass reads
     * it, which gave irreproducible training and now and then NaN gradients. This one lives in the
     * manager of {@code like} (the step's) until the step is over.
     */
    protected static NDArray constant(NDArray like, double value) {
        return like.getManager().create((float) value);
    }

    /**
     * One pre-LayerNorm transformer layer: multi-head self-attention (its logits shifted by a bias the
     * block gives: a causal mask, token matches, padding), then a ReLU feed-forward layer, each added
     * to its input. Its parameters are declared in this order, named {@code layer<i>_…}.
     */
    protected final class TransformerLayer {

        private final int width;
        private final int heads;
        private final Parameter gamma1;
        private final Parameter beta1;
        private final Parameter qkv;
        private final Parameter qkvBias;
        private final Parameter projection;
        private final Parameter projectionBias;
        private final Parameter gamma2;
        private final Parameter beta2;
        private final Parameter hidden;
        private final Parameter hiddenBias;
        private final Parameter output;
        private final Parameter outputBias;

        protected TransformerLayer(int index, int width, int heads, int feedForward) {
            this.width = width;
            this.heads = heads;
            String p = "layer" + index + "_";
            gamma1 = gamma(p + "gamma1", width);
            beta1 = beta(p + "beta1", width);
            qkv = weight(p + "qkv", width, 3 * width);
            qkvBias = bias(p + "qkv_bias", 3 * width);
            projection = weight(p + "projection", width, width);
            projectionBias = bias(p + "projection_bias", width);
            gamma2 = gamma(p + "gamma2", width);
            beta2 = beta(p + "beta2", width);
            hidden = weight(p + "hidden", width, feedForward);
            hiddenBias = bias(p + "hidden_bias", feedForward);
            output = weight(p + "output", feedForward, width);
            outputBias = bias(p + "output_bias", width);
        }

        /** @param logitBias added to every head's attention logits ({@code [T, T]} or {@code [B, heads, T, T]}) */
        protected NDArray apply(ParameterStore store, NDArray x, NDArray logitBias, boolean training) {
            NDArray attended = x.add(attention(store, layerNorm(x, value(store, gamma1, x, training),
                    value(store, beta1, x, training)), logitBias, training));
            return attended.add(feedForward(store, layerNorm(attended, value(store, gamma2, attended, training),
                    value(store, beta2, attended, training)), training));
        }

        private NDArray attention(ParameterStore store, NDArray x, NDArray logitBias, boolean training) {
            Shape shape = x.getShape();
            long batch = shape.get(0);
            long length = shape.get(1);
            int headWidth = width / heads;
            NDArray projected = linear(x, value(store, qkv, x, training), value(store, qkvBias, x, training));
            NDList split = projected.split(3, 2);
            NDArray q = split.get(0).reshape(batch, length, heads, headWidth).transpose(0, 2, 1, 3);
            NDArray k = split.get(1).reshape(batch, length, heads, headWidth).transpose(0, 2, 3, 1);
            NDArray v = split.get(2).reshape(batch, length, heads, headWidth).transpose(0, 2, 1, 3);
            NDArray weights = q.matMul(k).div(constant(x, Math.sqrt(headWidth))).add(logitBias).softmax(-1);
            NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, width);
            return linear(mixed, value(store, projection, x, training), value(store, projectionBias, x, training));
        }

        private NDArray feedForward(ParameterStore store, NDArray x, boolean training) {
            NDArray h = Activation.relu(linear(x, value(store, hidden, x, training), value(store, hiddenBias, x, training)));
            return linear(h, value(store, output, x, training), value(store, outputBias, x, training));
        }
    }
}
