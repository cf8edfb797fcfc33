package org.amplify.models;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.amplify.models.internal.QuestionFeatures;
import org.amplify.models.internal.TextEncoderBlock;

/** One ensemble member: its encoder and answer head, and the questions it remembers. */
final class TextMember implements AutoCloseable {

    private static final int INFERENCE_BATCH = 256;

    final TextEncoderBlock block;
    final Model model;
    final NDManager manager;
    List<String> questions = List.of();
    List<String> answers = List.of();
    /** The remembered questions' embeddings, one row of the width each. */
    float[] memory = new float[0];

    TextMember(int buckets, int width, int answers) {
        block = new TextEncoderBlock(buckets, width, answers);
        model = Model.newInstance("x-" + TextModel.DOMAIN, "PyTorch");
        model.setBlock(block);
        manager = model.getNDManager();
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT); // the weights are drawn in Java
        block.initialize(manager, DataType.FLOAT32, block.exampleInputShapes());
    }

    /**
     * Draws every weight from the random (Xavier-uniform weights, token embeddings with a variance of
     * 1/width, biases 0), then copies what the parent member has: its whole encoder and the head's
     * columns of the parent's answers (the first ones).
     */
    void initialise(TextMember from, SplittableRandom random) {
        withoutGrad(() -> {
            for (Parameter parameter : block.getParameters().values()) {
                Shape shape = parameter.getArray().getShape();
                float[] values = new float[Math.toIntExact(shape.size())];
                if (parameter.getType() == Parameter.Type.WEIGHT) {
                    double bound = parameter.getName().equals("token_embedding")
                            ? Math.sqrt(3.0 / shape.get(1))
                            : Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                    }
                }
                if (from != null) {
                    inherit(parameter, from, values);
                }
                try (NDArray source = manager.create(values, shape)) {
                    // never NDArray.set: PyTorch's engine points the tensor at a Java buffer it does not own
                    parameter.getArray().muli(0f).addi(source);
                }
            }
            return null;
        });
    }

    private void inherit(Parameter parameter, TextMember from, float[] values) {
        float[] theirs = from.block.getParameters().get(parameter.getName()).getArray().toFloatArray();
        if (parameter == block.head()) {
            int columns = block.answers();
            int known = from.block.answers();
            for (int row = 0; row < theirs.length / known; row++) {
                System.arraycopy(theirs, row * known, values, row * columns, known);
            }
        } else {
            System.arraycopy(theirs, 0, values, 0, theirs.length);
        }
    }

    /** Adam steps over the bootstrap sample, in a new random order each epoch. */
    void fit(int[] sample, QuestionFeatures.Bag[] bags, float[][] targets, TextTraining training,
            SplittableRandom random, TrainingSteps steps) {
        try (AdamStep adam = new AdamStep(model, block, training.learningRate(), 0)) {
            int[] order = sample.clone();
            for (int epoch = 0; epoch < training.epochs(); epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
                for (int start = 0; start < order.length; start += training.batch()) {
                    steps.checkCancelled();
                    step(adam, order, start, Math.min(order.length, start + training.batch()), bags, targets);
                    steps.stepDone();
                }
            }
        }
    }

    private void step(AdamStep adam, int[] order, int start, int end, QuestionFeatures.Bag[] bags,
            float[][] targets) {
        int batch = end - start;
        int buckets = block.buckets();
        int answerCount = block.answers();
        float[] input = new float[batch * buckets];
        float[] target = new float[batch * answerCount];
        for (int b = 0; b < batch; b++) {
            bags[order[start + b]].fill(input, b * buckets);
            System.arraycopy(targets[order[start + b]], 0, target, b * answerCount, answerCount);
        }
        try (NDManager step = manager.newSubManager()) {
            NDList inputs = new NDList(step.create(input, new Shape(batch, buckets)));
            NDArray targetArray = step.create(target, new Shape(batch, answerCount));
            adam.take(step, trainer -> trainer.forward(inputs).get(1)
                    .logSoftmax(1).mul(targetArray).sum(new int[] {1}).neg().mean());
        }
    }

    /** Remembers these questions and answers, and embeds the questions. */
    void remember(Map<String, String> memory, QuestionFeatures features) {
        this.questions = List.copyOf(memory.keySet());
        this.answers = List.copyOf(memory.values());
        this.memory = embeddings(questions, features);
    }

    /** The questions' embeddings, one row of the width each. */
    float[] embeddings(List<String> questions, QuestionFeatures features) {
        return forwardAll(questions, features, 0);
    }

    /** The answer head's log-probabilities, one row of the answers per question. */
    float[] logProbabilities(List<String> questions, QuestionFeatures features) {
        return forwardAll(questions, features, 1);
    }

    private float[] forwardAll(List<String> questions, QuestionFeatures features, int output) {
        int buckets = features.buckets();
        int rowLength = output == 0 ? block.width() : block.answers();
        float[] result = new float[questions.size() * rowLength];
        for (int start = 0; start < questions.size(); start += INFERENCE_BATCH) {
            int batch = Math.min(questions.size() - start, INFERENCE_BATCH);
            float[] input = new float[batch * buckets];
            for (int b = 0; b < batch; b++) {
                features.bag(questions.get(start + b)).fill(input, b * buckets);
            }
            int offset = start * rowLength;
            withoutGrad(() -> {
                try (NDManager step = manager.newSubManager()) {
                    NDList outputs = block.forward(new ParameterStore(step, false),
                            new NDList(step.create(input, new Shape(batch, buckets))), false);
                    NDArray values = output == 1 ? outputs.get(1).logSoftmax(1) : outputs.get(0);
                    float[] flat = values.toFloatArray();
                    System.arraycopy(flat, 0, result, offset, flat.length);
                }
                return null;
            });
        }
        return result;
    }

    /** The shapes of the parameters, by name. */
    Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new HashMap<>();
        block.getParameters().forEach(pair -> shapes.put(pair.getValue().getName(), pair.getValue().getArray().getShape()));
        return shapes;
    }

    /** Refuses parameters read from a file that do not have the shapes this member was made with. */
    void checkShapes(Map<String, Shape> shapes) throws MalformedModelException {
        for (Parameter parameter : block.getParameters().values()) {
            Shape expected = shapes.get(parameter.getName());
            if (!parameter.getArray().getShape().equals(expected)) {
                throw new MalformedModelException("the parameter " + parameter.getName() + " has the shape "
                        + parameter.getArray().getShape() + ", not " + expected);
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }

    static <T> T withoutGrad(Supplier<T> work) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // the mode is per thread: whatever thread asks, no autograd graph
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(grad);
        }
    }
}
