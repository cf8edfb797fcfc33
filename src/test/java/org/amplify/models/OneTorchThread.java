package org.amplify.models;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch on one thread until closed, then as many as before. On a 2-core machine shared with other
 * jobs, two threads took about 800 ms a training step of the small H' (they wait for each other),
 * one about 100 ms.
 */
public final class OneTorchThread implements AutoCloseable {

    private final int before;

    public OneTorchThread() {
        Engine.getEngine("PyTorch"); // loads the native library, which the thread setting needs
        before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
    }

    @Override
    public void close() {
        JniUtils.setNumThreads(before);
    }
}
