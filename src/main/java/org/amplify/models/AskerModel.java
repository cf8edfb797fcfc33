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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.ExpertStep;
import org.amplify.domains.Question;
import org.amplify.models.internal.AskerBlock;

/**
 * H', the human predictor of an algorithmic domain: given a question and the exchanges so far, it
 * predicts H's next action, the next subquestion or the final answer, as the paper's asker does (a
 * causal transformer over the transcript, see {@link AskerBlock} and {@link AskerTokens}). It trains
 * one Adam step at a time with teacher forcing on (prefix, action) examples, and predicts greedily,
 * one token at a time, within the actions' grammar (first {@code ASK} or {@code ANSWER}, then the
 * domain's tokens). Not thread-safe: one instance per thread, as DJL wants.
 */
public final class AskerModel implements AutoCloseable {

    private static final int WARM_UP_STEPS = 100;
    private static final int PREDICTION_BATCH = 256;

    /** A small H' for 2 CPU cores: about 90k parameters (the vocabulary and the longest transcript vary by domain). */
    public static final ModelSize SMALL = new ModelSize(64, 2, 4, 128);

    private final String domain;
    private final AskerTokens encoding;
    private final ModelSize size;
    private final float learningRate;
    private final Model model;
    private final AskerBlock block;
    private final NDManager manager;
    private final AdamStep adam;

    private AskerModel(String domain, AskerTokens encoding, ModelSize size, float learningRate) {
        NativeMemory.retainFreedMemory();
        this.domain = domain;
        this.encoding = encoding;
        this.size = size;
        this.learningRate = learningRate;
        this.block = new AskerBlock(size, encoding.modelVocabulary(), encoding.maxLength());
        this.model = Model.newInstance("h-" + domain, "PyTorch");
        this.model.setBlock(block);
        this.manager = model.getNDManager();
        this.adam = new AdamStep(model, block, learningRate, WARM_UP_STEPS);
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, block.exampleInputShapes());
    }

    /** A new H' with random weights drawn from the seed (one thread at a time, as {@link AnswerModel#create}). */
    public static AskerModel create(AlgorithmicDomain domain, ModelSize size, float learningRate, long seed) {
        synchronized (Engine.class) {
            Engine.getEngine("PyTorch").setRandomSeed((int) seed);
            return new AskerModel(domain.name(), encoding(domain), size, learningRate);
        }
    }

    private static AskerTokens encoding(AlgorithmicDomain domain) {
        return new AskerTokens(domain.vocabulary().size(), domain.questionLength(), domain.expert().maxSubquestions());
    }

    public long parameterCount() {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * One Adam step with teacher forcing: the loss is each example's negative log-likelihood of H's
     * whole action (the sum over its tokens), averaged over the batch.
     *
     * @return the batch's mean loss before the step
     */
    public float train(List<AskerExample> examples) {
        int batch = examples.size();
        int[][][] sequences = new int[batch][][];
        int[] starts = new int[batch];
        int length = 0;
        for (int b = 0; b < batch; b++) {
            AskerExample example = examples.get(b);
            sequences[b] = encoding.withAction(example.input(), example.action());
            starts[b] = encoding.prefixLength(example.input());
            length = Math.max(length, sequences[b][0].length);
        }
        int[] targets = new int[batch * length];
        float[] weights = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            int[] tokens = sequences[b][0];
            for (int t = starts[b] - 1; t < tokens.length - 1; t++) { // position t predicts token t + 1
                targets[b * length + t] = tokens[t + 1];
                weights[b * length + t] = 1f;
            }
        }
        try (NDManager step = manager.newSubManager()) {
            NDList inputs = tensors(step, Arrays.asList(sequences), length);
            NDArray target = step.create(targets, new Shape(batch, length)).oneHot(encoding.modelVocabulary());
            NDArray weight = step.create(weights, new Shape(batch, length, 1));
            return adam.take(step, trainer -> trainer.forward(inputs).singletonOrThrow()
                    .mul(target).mul(weight).sum().neg().div(step.create((float) batch)));
        }
    }

    /**
     * H's most likely next action after each prefix, decoded greedily within the actions' grammar: a
     * prefix with the most exchanges H makes gets an answer.
     */
    public List<ExpertStep> predict(List<AskerInput> inputs) {
        return predict(inputs, encoding.maxSubquestions);
    }

    /** The same, answering after {@code maxSubquestions} exchanges (at most the domain's H's). */
    private List<ExpertStep> predict(List<AskerInput> inputs, int maxSubquestions) {
        List<ExpertStep> actions = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += PREDICTION_BATCH) {
            actions.addAll(predictBatch(inputs.subList(from, Math.min(inputs.size(), from + PREDICTION_BATCH)),
                    Math.min(maxSubquestions, encoding.maxSubquestions)));
        }
        return actions;
    }

    /**
     * H' as an expert: the next action of every question in one batch ({@link #predict}); after
     * {@code maxSubquestions} exchanges it answers (e.g. the most H was seen to ask: each subquestion
     * costs a decoding pass per token, and an untrained H' would otherwise ask up to the domain's limit).
     */
    public ExpertRunner.BatchExpert asExpert(int maxSubquestions) {
        if (maxSubquestions < 0) {
            throw new IllegalArgumentException("a number of subquestions: " + maxSubquestions);
        }
        return new ExpertRunner.BatchExpert() {
            @Override
            public List<ExpertStep> next(List<Question> questions, List<List<Exchange>> exchanges) {
                List<AskerInput> inputs = new ArrayList<>(questions.size());
                for (int i = 0; i < questions.size(); i++) {
                    inputs.add(new AskerInput(questions.get(i), exchanges.get(i)));
                }
                return predict(inputs, maxSubquestions);
            }

            @Override
            public int maxSubquestions() {
                return Math.min(maxSubquestions, encoding.maxSubquestions);
            }
        };
    }

    /** The share of examples whose whole action H' predicts exactly. */
    public double accuracy(List<AskerExample> examples) {
        if (examples.isEmpty()) {
            return 0;
        }
        List<ExpertStep> predicted = predict(examples.stream().map(AskerExample::input).toList());
        int right = 0;
        for (int i = 0; i < examples.size(); i++) {
            right += predicted.get(i).equals(examples.get(i).action()) ? 1 : 0;
        }
        return (double) right / examples.size();
    }

    private List<ExpertStep> predictBatch(List<AskerInput> inputs, int maxSubquestions) {
        int n = inputs.size();
        int questionLength = encoding.questionLength;
        int[][][] sequences = new int[n][][];
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            sequences[i] = encoding.prefix(inputs.get(i), 1 + questionLength);
            filled[i] = encoding.prefixLength(inputs.get(i));
        }
        boolean[] asking = new boolean[n];
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            active.add(i);
        }
        for (int slot = 0; !active.isEmpty(); slot++) {
            float[][] next = nextTokenLogProbabilities(sequences, filled, active);
            List<Integer> still = new ArrayList<>();
            for (int j = 0; j < active.size(); j++) {
                int i = active.get(j);
                int type;
                int token;
                if (slot == 0) {
                    boolean mayAsk = inputs.get(i).exchanges().size() < maxSubquestions;
                    token = mayAsk && next[j][encoding.ask] >= next[j][encoding.answer] ? encoding.ask : encoding.answer;
                    asking[i] = token == encoding.ask;
                    type = AskerBlock.KIND;
                } else {
                    token = argMax(next[j], encoding.vocabulary);
                    type = asking[i] ? AskerBlock.SUBQUESTION : AskerBlock.ANSWER;
                }
                sequences[i][0][filled[i]] = token;
                sequences[i][1][filled[i]] = type;
                filled[i]++;
                if (slot == 0 || (asking[i] && slot < questionLength)) {
                    still.add(i);
                }
            }
            active = still;
        }
        List<ExpertStep> actions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int start = encoding.prefixLength(inputs.get(i)) + 1;
            actions.add(asking[i]
                    ? ExpertStep.ask(new Question(Arrays.copyOfRange(sequences[i][0], start, start + questionLength)))
                    : ExpertStep.answer(sequences[i][0][start]));
        }
        return actions;
    }

    /** The next token's log-probabilities after the first {@code filled[i]} tokens of each active sequence. */
    private float[][] nextTokenLogProbabilities(int[][][] sequences, int[] filled, List<Integer> active) {
        int batch = active.size();
        int length = 0;
        List<int[][]> rows = new ArrayList<>(batch);
        for (int i : active) {
            length = Math.max(length, filled[i]);
        }
        float[] last = new float[batch * length]; // 1 at each sequence's last filled position
        for (int j = 0; j < batch; j++) {
            int i = active.get(j);
            rows.add(new int[][] {Arrays.copyOf(sequences[i][0], filled[i]), Arrays.copyOf(sequences[i][1], filled[i])});
            last[j * length + filled[i] - 1] = 1f;
        }
        int vocabulary = encoding.modelVocabulary();
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // no autograd graph for inference, whatever thread asks
        try (NDManager step = manager.newSubManager()) {
            NDArray logProbabilities = block.forward(new ParameterStore(step, false), tensors(step, rows, length), false)
                    .singletonOrThrow();
            NDArray at = step.create(last, new Shape(batch, length, 1));
            float[] flat = logProbabilities.mul(at).sum(new int[] {1}).toFloatArray();
            float[][] result = new float[batch][vocabulary];
            for (int j = 0; j < batch; j++) {
                System.arraycopy(flat, j * vocabulary, result[j], 0, vocabulary);
            }
            return result;
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    private static int argMax(float[] values, int below) {
        int best = 0;
        for (int token = 1; token < below; token++) {
            if (values[token] > values[best]) {
                best = token;
            }
        }
        return best;
    }

    /** {@code [tokens, types]} of each sequence, padded on the right to {@code length}. */
    private static NDList tensors(NDManager step, List<int[][]> sequences, int length) {
        int batch = sequences.size();
        int[] tokens = new int[batch * length];
        int[] types = new int[batch * length];
        for (int b = 0; b < batch; b++) {
            int[][] sequence = sequences.get(b);
            int used = Math.min(length, sequence[0].length);
            System.arraycopy(sequence[0], 0, tokens, b * length, used);
            System.arraycopy(sequence[1], 0, types, b * length, used);
        }
        return new NDList(step.create(tokens, new Shape(batch, length)), step.create(types, new Shape(batch, length)));
    }

    /** Writes H': a header naming its domain and shape, then its parameters. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        ModelFileHeader.HUMAN_PREDICTOR.write(data, domain, encoding.vocabulary, encoding.questionLength,
                encoding.maxSubquestions);
        ModelFileHeader.writeSize(data, size, learningRate);
        block.saveParameters(data);
        data.flush();
    }

    /**
     * Reads H' written by {@link #save}.
     *
     * @throws MalformedModelException if the file is not an H' of this domain
     */
    public static AskerModel load(AlgorithmicDomain domain, InputStream in) throws IOException, MalformedModelException {
        DataInputStream data = new DataInputStream(in);
        AskerTokens expected = encoding(domain);
        ModelFileHeader.HUMAN_PREDICTOR.read(data, domain.name(), expected.vocabulary, expected.questionLength,
                expected.maxSubquestions);
        ModelSize size = ModelFileHeader.readSize(data);
        float learningRate = data.readFloat();
        AskerModel loaded = new AskerModel(domain.name(), expected, size, learningRate);
        loaded.block.loadParameters(loaded.manager, data);
        return loaded;
    }

    @Override
    public void close() {
        adam.close();
        model.close();
    }
}
