package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.amplify.models.ModelInput;

/** The most recent targets, sampled uniformly for training: the oldest are dropped when it is full. */
final class ReplayBuffer {

    private final ModelInput[] inputs;
    private final int[] targets;
    private int next;
    private int count;

    ReplayBuffer(int capacity) {
        inputs = new ModelInput[capacity];
        targets = new int[capacity];
    }

    void add(ModelInput input, int target) {
        inputs[next] = input;
        targets[next] = target;
        next = (next + 1) % inputs.length;
        count = Math.min(count + 1, inputs.length);
    }

    int size() {
        return count;
    }

    Batch sample(int size, RandomGenerator random) {
        List<ModelInput> sampledInputs = new ArrayList<>(size);
        int[] sampledTargets = new int[size];
        for (int i = 0; i < size; i++) {
            int index = random.nextInt(count);
            sampledInputs.add(inputs[index]);
            sampledTargets[i] = targets[index];
        }
        return new Batch(sampledInputs, sampledTargets);
    }

    record Batch(List<ModelInput> inputs, int[] targets) {}
}
