package org.amplify.models;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.models.internal.AnswerBlock;

/**
 * One model X of an algorithmic domain: answers batches of questions, trains one Adam step at a
 * time, follows another model as a moving average (the teacher of iterated amplification), saves and
 * loads its parameters. Not thread-safe: one instance per thread, as DJL wants.
 */
public final class AnswerModel implements ServedAnswerModel {

    /** Steps over which the learning rate rises to its value: without it Adam made X diverge. */
    static final int WARM_UP_STEPS = 200;

    private final String domain;
    private final int vocabulary;
    private final int factLength;
    private final int questionLength;
    private final ModelSize size;
    private final Model model;
    private final AnswerBlock block;
    private final NDManager manager;
    private final float learningRate;
    private final AdamStep adam;

    private AnswerModel(String domain, int vocabulary, int factLength, int questionLength, ModelSize size,
            float learningRate) {
        NativeMemory.retainFreedMemory();
        this.domain = domain;
        this.vocabulary = vocabulary;
        this.factLength = factLength;
        this.questionLength = questionLength;
        this.size = size;
        this.learningRate = learningRate;
        this.block = new AnswerBlock(size, vocabulary, factLength, questionLength);
        this.model = Model.newInstance("x-" + domain, "PyTorch");
        this.model.setBlock(block);
        this.manager = model.getNDManager();
        this.adam = new AdamStep(model, block, learningRate, WARM_UP_STEPS);
    }

    /**
     * A new model with random weights drawn from the seed (from PyTorch's one generator, so models
     * created at once on several threads take turns: each gets the weights of its seed).
     */
    public static AnswerModel create(AlgorithmicDomain domain, ModelSize size, float learningRate, long seed) {
        synchronized (Engine.class) {
            Engine.getEngine("PyTorch").setRandomSeed((int) seed);
            AnswerModel created = new AnswerModel(domain.name(), domain.vocabulary().size(), domain.factLength(),
                    domain.questionLength(), size, learningRate);
            created.block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            created.block.initialize(created.manager, DataType.FLOAT32, created.block.exampleInputShapes());
            return created;
        }
    }

    /** A model with the same weights, for inference (a teacher, a copy that votes). */
    public AnswerModel copy() {
        AnswerModel copy = new AnswerModel(domain, vocabulary, factLength, questionLength, size, learningRate);
        copy.block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        copy.block.initialize(copy.manager, DataType.FLOAT32, copy.block.exampleInputShapes());
        copy.follow(this, 0f);
        return copy;
    }

    public String domain() {
        return domain;
    }

    public ModelSize size() {
        return size;
    }

    public long parameterCount() {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** The most likely answer token of each question. */
    public int[] answer(List<ModelInput> inputs) {
        try (NDManager step = manager.newSubManager()) {
            NDArray logits = forward(step, inputs);
            return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    /** The answer distribution of each question: {@code [question][token]}. */
    @Override
    public float[][] distributions(List<ModelInput> inputs) {
        try (NDManager step = manager.newSubManager()) {
            float[] flat = forward(step, inputs).softmax(1).toFloatArray();
            float[][] result = new float[inputs.size()][vocabulary];
            for (int i = 0; i < inputs.size(); i++) {
                System.arraycopy(flat, i * vocabulary, result[i], 0, vocabulary);
            }
            return result;
        }
    }

    /**
     * One Adam step on hard targets (one answer token each).
     *
     * @return the batch's mean cross-entropy before the step
     */
    public float train(List<ModelInput> inputs, int[] targets) {
        float[][] distributions = new float[targets.length][vocabulary];
        for (int i = 0; i < targets.length; i++) {
            distributions[i][targets[i]] = 1f;
        }
        return train(inputs, distributions);
    }

    /**
     * One Adam step on soft targets (a distribution over answer tokens each): the cross-entropy
     * against the distribution, so vote shares train the model, not only the majority.
     */
    public float train(List<ModelInput> inputs, float[][] targets) {
        try (NDManager step = manager.newSubManager()) {
            float[] flat = new float[targets.length * vocabulary];
            for (int i = 0; i < targets.length; i++) {
                System.arraycopy(targets[i], 0, flat, i * vocabulary, vocabulary);
            }
            NDArray target = step.create(flat, new Shape(targets.length, vocabulary));
            return adam.take(step, trainer -> trainer.forward(tensors(step, inputs)).singletonOrThrow()
                    .logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean());
        }
    }

    /** Training steps skipped so far because their gradients were not finite. */
    public long skippedSteps() {
        return adam.skipped();
    }

    /** Moves this model's weights towards another's: {@code this = decay·this + (1−decay)·other}. */
    public void follow(AnswerModel other, float decay) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // in-place updates of leaves that require grad; the mode is per thread
        try {
            moveTowards(other, decay);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    private void moveTowards(AnswerModel other, float decay) {
        var mine = block.getParameters();
        var theirs = other.block.getParameters();
        for (int i = 0; i < mine.size(); i++) {
            NDArray target = mine.valueAt(i).getArray();
            NDArray source = theirs.valueAt(i).getArray().stopGradient(); // no autograd graph into the teacher
            try (source) {
                // never NDArray.set: PyTorch's engine points the tensor at a Java buffer it does not own
                if (decay == 0f) {
                    target.muli(0f).addi(source);
                } else {
                    try (NDArray scaled = source.mul(1f - decay)) {
                        target.muli(decay).addi(scaled);
                    }
                }
            }
        }
    }

    /** Writes the model: a header naming its domain and shape, then its parameters. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        ModelFileHeader.ANSWER_MODEL.write(data, domain, vocabulary, factLength, questionLength);
        ModelFileHeader.writeSize(data, size, learningRate);
        block.saveParameters(data);
        data.flush();
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws MalformedModelException if the file is not a model of this domain
     */
    public static AnswerModel load(AlgorithmicDomain domain, InputStream in) throws IOException, MalformedModelException {
        DataInputStream data = new DataInputStream(in);
        ModelFileHeader.ANSWER_MODEL.read(data, domain.name(), domain.vocabulary().size(), domain.factLength(),
                domain.questionLength());
        ModelSize size = ModelFileHeader.readSize(data);
        float learningRate = data.readFloat();
        AnswerModel loaded = new AnswerModel(domain.name(), domain.vocabulary().size(), domain.factLength(),
                domain.questionLength(), size, learningRate);
        loaded.block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        loaded.block.initialize(loaded.manager, DataType.FLOAT32, loaded.block.exampleInputShapes());
        loaded.block.loadParameters(loaded.manager, data);
        return loaded;
    }

    /** An inference pass. */
    private NDArray forward(NDManager step, List<ModelInput> inputs) {
        NDList batch = tensors(step, inputs);
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // no autograd graph for inference, whatever thread asks
        try {
            return block.forward(new ParameterStore(step, false), batch, false).singletonOrThrow();
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    private NDList tensors(NDManager step, List<ModelInput> inputs) {
        int batch = inputs.size();
        int maxFacts = 1;
        for (ModelInput input : inputs) {
            maxFacts = Math.max(maxFacts, input.facts().length);
        }
        int[] facts = new int[batch * maxFacts * factLength];
        float[] mask = new float[batch * maxFacts];
        int[] questions = new int[batch * questionLength];
        for (int b = 0; b < batch; b++) {
            ModelInput input = inputs.get(b);
            int[][] inputFacts = input.facts();
            for (int f = 0; f < inputFacts.length; f++) {
                System.arraycopy(inputFacts[f], 0, facts, (b * maxFacts + f) * factLength, factLength);
                mask[b * maxFacts + f] = 1f;
            }
            System.arraycopy(input.question().tokens(), 0, questions, b * questionLength, questionLength);
        }
        return new NDList(step.create(facts, new Shape(batch, maxFacts, factLength)),
                step.create(questions, new Shape(batch, questionLength)),
                step.create(mask, new Shape(batch, maxFacts)));
    }

    @Override
    public void close() {
        adam.close();
        model.close();
    }
}
