package org.amplify.models;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/** How the models train: Adam on the CPU, gradients clipped at 1. */
final class AdamTraining {

    private AdamTraining() {
    }

    /**
     * A trainer for the model (the caller closes it).
     *
     * @param warmUpSteps steps over which the learning rate rises from a hundredth of its value to it;
     *     0 for a fixed rate
     */
    static Trainer trainer(Model model, float learningRate, int warmUpSteps) {
        Tracker rate = warmUpSteps == 0 ? Tracker.fixed(learningRate)
                : Tracker.warmUp().setMainTracker(Tracker.fixed(learningRate)).optWarmUpSteps(warmUpSteps)
                        .optWarmUpBeginValue(learningRate / 100).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).optClipGrad(1f).build())
                .optDevices(new Device[] {Device.cpu()});
        return model.newTrainer(config);
    }
}
