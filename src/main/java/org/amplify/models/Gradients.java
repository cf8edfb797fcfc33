package org.amplify.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The gradients of a block after a backward pass, for the models' training steps. A step whose
 * gradients are not finite although its loss is (seen a few times in 10 000 steps before the blocks
 * stopped dividing by {@code Number}s, which let the backward pass read memory Java had freed) is
 * skipped, as mixed-precision training skips overflowing steps.
 */
final class Gradients {

    /** DJL's PyTorch engine lets one gradient collector collect at a time in a process. */
    private static final ReentrantLock COLLECTING = new ReentrantLock();

    private Gradients() {
    }

    /**
     * A gradient collector of the trainer, once no other thread's is collecting: models training on
     * several threads at once (an experiment and a round, two tasks of a measuring command) take turns
     * step by step, where DJL would refuse the second collector.
     */
    static GradientCollector collector(Trainer trainer) {
        COLLECTING.lock();
        try {
            GradientCollector collector = trainer.newGradientCollector();
            return new GradientCollector() {
                @Override
                public void backward(NDArray target) {
                    collector.backward(target);
                }

                @Override
                public void zeroGradients() {
                    collector.zeroGradients();
                }

                @Override
                public void close() {
                    try {
                        collector.close();
                    } finally {
                        COLLECTING.unlock();
                    }
                }
            };
        } catch (RuntimeException | Error e) {
            COLLECTING.unlock();
            throw e;
        }
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
