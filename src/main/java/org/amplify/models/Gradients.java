package org.amplify.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The gradients of a block after a backward pass, for the models' training steps. A step whose
 * gradients are not finite although its loss is (seen a few times in 10 000 steps before the blocks
 * stopped dividing by {@code Number}s, which let the backward pass read memory Java had freed) is
 * skipped, as mixed-precision training skips overflowing steps.
 */
final class Gradients {

    private Gradients() {
    }

    /** Whether every gradient of the block is finite; the sums are made in {@code step}. */
    static boolean finite(Block block, NDManager step) {
        NDArray total = null;
        for (Parameter parameter : block.getParameters().values()) {
            NDArray gradient = parameter.getArray().getGradient();
            gradient.attach(step);
            NDArray sum = gradient.sum();
            total = total == null ? sum : total.add(sum);
        }
        return total == null || Float.isFinite(total.getFloat());
    }

    /** Zeroes the block's gradients in place (never {@code NDArray.set}: it aliases a Java buffer). */
    static void zero(Block block) {
        for (Parameter parameter : block.getParameters().values()) {
            JniUtils.zeroGrad((PtNDArray) parameter.getArray());
        }
    }
}
