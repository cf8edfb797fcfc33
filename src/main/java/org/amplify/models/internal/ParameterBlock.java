package org.amplify.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * What the models' hand-written blocks share: declaring their parameters, reading them in a forward
 * pass, layer normalisation, and scalars that are safe for autograd.
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
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centered = x.sub(mean);
        NDArray variance = centered.square().mean(new int[] {-1}, true);
        return centered.div(variance.add(constant(x, EPSILON)).sqrt()).mul(gamma).add(beta);
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
}
