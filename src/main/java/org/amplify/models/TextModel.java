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
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.amplify.models.internal.QuestionFeatures;
import org.amplify.models.internal.TextEncoderBlock;

/**
 * The model X of the {@code text} domain, where people ask and answer in words: an ensemble of
 * members (the copies), each an encoder that embeds a question and a memory of answered questions. A
 * copy answers with the answer of the nearest question it remembers and the cosine similarity of the
 * two.
 *
 * <p>Each member is trained with its own seed on its own bootstrap sample of the examples (drawn with
 * replacement, as many as there are examples), so the copies' votes can disagree. The encoder learns
 * through an answer head, a softmax over every answer of the training set trained by cross-entropy
 * against the examples' target distributions: with soft targets the vote shares train the model, not
 * only the majority. A member remembers its bootstrap sample's questions, each with its majority
 * answer. A model trained from a parent starts from the parent's weights (its answer head grows to the
 * new answers, keeping the columns of the answers the parent knew) and keeps the parent's memory,
 * except for the questions it is trained on again.
 *
 * <p>Answering ({@link #answer}, {@link #embed}, {@link #loss}) only reads the weights and sets
 * PyTorch's grad mode for the calling thread, so several threads may answer at once; training builds a
 * new model.
 */
public final class TextModel implements ServedTextModel {

    /** The name of the domain this model answers. */
    public static final String DOMAIN = "text";

    private static final int MAGIC = 0x414d5054; // "AMPT"
    /** Raise it when the file layout, the encoder or {@link QuestionFeatures}' tokens or hash change. */
    private static final int FORMAT = 1;
    /**
     * The probability that {@link #loss} takes a member to give an answer it has never seen (a
     * probability of 0 would make the loss infinite).
     */
    static final double UNKNOWN_ANSWER_PROBABILITY = 1e-6;
    private static final int MAX_SKIPPED_IN_A_ROW = 10;
    private static final int INFERENCE_BATCH = 256;
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_BUCKETS = 1 << 22;
    private static final int MAX_WIDTH = 4096;

    private final QuestionFeatures features;
    private final int width;
    private final List<String> answers;
    private final Map<String, Integer> answerIndex;
    private final List<Member> members;

    private TextModel(QuestionFeatures features, int width, List<String> answers, List<Member> members) {
        NativeMemory.retainFreedMemory();
        this.features = features;
        this.width = width;
        this.answers = List.copyOf(answers);
        this.answerIndex = index(this.answers);
        this.members = List.copyOf(members);
    }

    /**
     * Trains a model on the examples.
     *
     * @param parent the model to start from (X(k) when this is X(k+1)), or null to start from random
     *     weights; it must have the same width. Member m starts from the parent's member m (modulo its
     *     number of members).
     * @param seed draws every member's initial weights, bootstrap sample and order of examples
     * @param progress told the number of steps done after each step (up to {@link #totalSteps}); may be
     *     null
     * @param cancelled asked before each step; may be null
     * @throws TrainingCancelledException if {@code cancelled} said to stop
     * @throws TrainingDivergedException if the loss stopped being a finite number
     */
    public static TextModel train(List<TextExample> examples, TextModel parent, TextTraining training, long seed,
            IntConsumer progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(training, "training");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("there is no example to train on");
        }
        if (parent != null && parent.width != training.width()) {
            throw new IllegalArgumentException("a model of width " + training.width()
                    + " cannot start from a model of width " + parent.width);
        }
        QuestionFeatures features = parent == null ? new QuestionFeatures(QuestionFeatures.DEFAULT_BUCKETS)
                : parent.features;
        List<String> answers = answers(examples, parent);
        float[][] targets = targets(examples, index(answers));
        QuestionFeatures.Bag[] bags = new QuestionFeatures.Bag[examples.size()];
        Set<String> retrained = new HashSet<>();
        for (int i = 0; i < bags.length; i++) {
            bags[i] = features.bag(examples.get(i).question());
            retrained.add(examples.get(i).question());
        }
        Steps steps = new Steps(totalSteps(examples.size(), training), progress, cancelled);
        SplittableRandom root = new SplittableRandom(seed);
        List<Member> trained = new ArrayList<>();
        try {
            for (int m = 0; m < training.members(); m++) {
                SplittableRandom random = root.split();
                int[] sample = new int[examples.size()];
                for (int i = 0; i < sample.length; i++) {
                    sample[i] = random.nextInt(sample.length);
                }
                Member member = new Member(features.buckets(), training.width(), answers.size());
                trained.add(member);
                Member from = parent == null ? null : parent.members.get(m % parent.members.size());
                member.initialise(from, random);
                member.fit(sample, bags, targets, training, random, steps);
                member.remember(memory(from, retrained, sample, examples), features);
            }
            return new TextModel(features, training.width(), answers, trained);
        } catch (RuntimeException | Error e) {
            trained.forEach(Member::close);
            throw e;
        }
    }

    /** The number of steps {@link #train} takes (and reports to its progress) for so many examples. */
    public static int totalSteps(int examples, TextTraining training) {
        int batches = (examples + training.batch() - 1) / training.batch();
        return Math.multiplyExact(Math.multiplyExact(training.members(), training.epochs()), batches);
    }

    public String domain() {
        return DOMAIN;
    }

    /** The number of ensemble members (copies). */
    @Override
    public int members() {
        return members.size();
    }

    /** The size of a question's embedding. */
    public int width() {
        return width;
    }

    /** The answers the answer head knows, in the order of its columns. */
    public List<String> answers() {
        return answers;
    }

    /** A member's answer: the answer of the remembered question nearest to this one. */
    @Override
    public TextAnswer answer(int member, String question) {
        return answers(member, List.of(question)).get(0);
    }

    /** A member's answers to a batch of questions (one forward pass per batch). */
    @Override
    public List<TextAnswer> answers(int member, List<String> questions) {
        Member copy = member(member);
        float[] embedded = copy.embeddings(questions, features);
        List<TextAnswer> result = new ArrayList<>(questions.size());
        for (int q = 0; q < questions.size(); q++) {
            int best = 0;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < copy.questions.size(); r++) {
                double similarity = 0;
                for (int i = 0; i < width; i++) {
                    similarity += embedded[q * width + i] * copy.memory[r * width + i];
                }
                if (similarity > bestSimilarity) {
                    best = r;
                    bestSimilarity = similarity;
                }
            }
            result.add(new TextAnswer(copy.answers.get(best), Math.max(-1, Math.min(1, bestSimilarity)),
                    copy.questions.get(best)));
        }
        return result;
    }

    @Override
    public float[][] embeddings(int member, List<String> texts) {
        float[] flat = member(member).embeddings(texts, features);
        float[][] rows = new float[texts.size()][width];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(flat, t * width, rows[t], 0, width);
        }
        return rows;
    }

    @Override
    public Map<String, String> memory(int member) {
        Member copy = member(member);
        Map<String, String> memory = new LinkedHashMap<>();
        for (int i = 0; i < copy.questions.size(); i++) {
            memory.put(copy.questions.get(i), copy.answers.get(i));
        }
        return memory;
    }

    /** A member's embedding of a question: {@link #width()} numbers, L2-normalised. */
    public float[] embed(int member, String question) {
        return member(member).embeddings(List.of(question), features);
    }

    /**
     * The mean cross-entropy of the members' answer heads against the examples' target distributions
     * (normalised), over members and examples. An answer the model never saw counts as given
     * probability {@value #UNKNOWN_ANSWER_PROBABILITY}.
     */
    public double loss(List<TextExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("there is no example to measure the loss on");
        }
        List<String> questions = examples.stream().map(TextExample::question).toList();
        double unknown = Math.log(UNKNOWN_ANSWER_PROBABILITY);
        double total = 0;
        for (Member member : members) {
            float[] logProbabilities = member.logProbabilities(questions, features);
            for (int e = 0; e < examples.size(); e++) {
                Map<String, Double> targets = examples.get(e).targets();
                double sum = targets.values().stream().mapToDouble(Double::doubleValue).sum();
                for (Map.Entry<String, Double> target : targets.entrySet()) {
                    Integer column = answerIndex.get(target.getKey());
                    double logProbability = column == null ? unknown
                            : logProbabilities[e * answers.size() + column];
                    total -= target.getValue() / sum * logProbability;
                }
            }
        }
        return total / ((double) members.size() * examples.size());
    }

    /** Writes the model: a header, the answers, then each member's memory and parameters. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(DOMAIN);
        data.writeInt(features.buckets());
        data.writeInt(width);
        data.writeInt(answers.size());
        for (String answer : answers) {
            writeString(data, answer);
        }
        data.writeInt(members.size());
        for (Member member : members) {
            data.writeInt(member.questions.size());
            for (int i = 0; i < member.questions.size(); i++) {
                writeString(data, member.questions.get(i));
                writeString(data, member.answers.get(i));
            }
            member.block.saveParameters(data);
        }
        data.flush();
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws MalformedModelException if the file is not a text model of this format
     */
    public static TextModel load(InputStream in) throws IOException, MalformedModelException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new MalformedModelException("not an Amplify text model file");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new MalformedModelException("unsupported text model format " + format);
        }
        String domain = data.readUTF();
        if (!DOMAIN.equals(domain)) {
            throw new MalformedModelException("the model is for " + domain + ", not " + DOMAIN);
        }
        int buckets = count(data, "buckets", MAX_BUCKETS);
        int width = count(data, "width", MAX_WIDTH);
        int answerCount = count(data, "answers", Integer.MAX_VALUE);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < answerCount; i++) {
            answers.add(readString(data));
        }
        if (index(answers).size() != answers.size()) {
            throw new MalformedModelException("the model lists an answer twice");
        }
        int memberCount = count(data, "members", Integer.MAX_VALUE);
        QuestionFeatures features = new QuestionFeatures(buckets);
        List<Member> members = new ArrayList<>();
        try {
            for (int m = 0; m < memberCount; m++) {
                int remembered = count(data, "remembered questions", Integer.MAX_VALUE);
                LinkedHashMap<String, String> memory = new LinkedHashMap<>();
                for (int i = 0; i < remembered; i++) {
                    memory.put(readString(data), readString(data));
                }
                Member member = new Member(buckets, width, answerCount);
                members.add(member);
                Map<String, Shape> shapes = member.shapes();
                member.block.loadParameters(member.manager, data);
                member.checkShapes(shapes);
                member.remember(memory, features);
            }
            return new TextModel(features, width, answers, members);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            members.forEach(Member::close);
            throw e;
        }
    }

    @Override
    public void close() {
        members.forEach(Member::close);
    }

    private Member member(int member) {
        return members.get(Objects.checkIndex(member, members.size()));
    }

    /** The parent's answers in its order, then the new ones alphabetically. */
    private static List<String> answers(List<TextExample> examples, TextModel parent) {
        List<String> answers = new ArrayList<>(parent == null ? List.of() : parent.answers);
        Set<String> known = new HashSet<>(answers);
        TreeSet<String> fresh = new TreeSet<>();
        for (TextExample example : examples) {
            example.targets().forEach((answer, weight) -> {
                if (weight > 0 && !known.contains(answer)) {
                    fresh.add(answer);
                }
            });
        }
        answers.addAll(fresh);
        return answers;
    }

    private static Map<String, Integer> index(List<String> answers) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            index.putIfAbsent(answers.get(i), i);
        }
        return index;
    }

    /** Each example's target distribution over the answers, normalised to sum 1. */
    private static float[][] targets(List<TextExample> examples, Map<String, Integer> index) {
        float[][] targets = new float[examples.size()][index.size()];
        for (int e = 0; e < examples.size(); e++) {
            Map<String, Double> weights = examples.get(e).targets();
            double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            for (Map.Entry<String, Double> weight : weights.entrySet()) {
                if (weight.getValue() > 0) {
                    targets[e][index.get(weight.getKey())] = (float) (weight.getValue() / sum);
                }
            }
        }
        return targets;
    }

    /**
     * What a member remembers: the parent member's questions that are not trained on again, then each
     * distinct question of its bootstrap sample with the majority of its summed target distributions
     * (a question drawn twice counts twice).
     */
    private static LinkedHashMap<String, String> memory(Member from, Set<String> retrained, int[] sample,
            List<TextExample> examples) {
        LinkedHashMap<String, String> memory = new LinkedHashMap<>();
        if (from != null) {
            for (int i = 0; i < from.questions.size(); i++) {
                if (!retrained.contains(from.questions.get(i))) {
                    memory.put(from.questions.get(i), from.answers.get(i));
                }
            }
        }
        int[] drawn = new int[examples.size()];
        for (int index : sample) {
            drawn[index]++;
        }
        LinkedHashMap<String, Map<String, Double>> votes = new LinkedHashMap<>();
        for (int e = 0; e < examples.size(); e++) {
            if (drawn[e] == 0) {
                continue;
            }
            TextExample example = examples.get(e);
            double sum = example.targets().values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> summed = votes.computeIfAbsent(example.question(), q -> new HashMap<>());
            double times = drawn[e];
            example.targets().forEach((answer, weight) -> summed.merge(answer, times * weight / sum, Double::sum));
        }
        votes.forEach((question, summed) -> memory.put(question, new TextExample(question, summed).majority()));
        return memory;
    }

    private static void writeString(DataOutputStream data, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static String readString(DataInputStream data) throws IOException, MalformedModelException {
        int length = data.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new MalformedModelException("a text of " + length + " bytes in the model file");
        }
        return new String(data.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream data, String what, int max) throws IOException, MalformedModelException {
        int value = data.readInt();
        if (value < 1 || value > max) {
            throw new MalformedModelException("the model file has " + value + " " + what);
        }
        return value;
    }

    private static <T> T withoutGrad(Supplier<T> work) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // the mode is per thread: whatever thread asks, no autograd graph
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** Counts steps, reports them, and stops when asked. */
    private static final class Steps {

        private final int total;
        private final IntConsumer progress;
        private final BooleanSupplier cancelled;
        private int done;

        Steps(int total, IntConsumer progress, BooleanSupplier cancelled) {
            this.total = total;
            this.progress = progress == null ? steps -> {} : progress;
            this.cancelled = cancelled == null ? () -> false : cancelled;
        }

        void checkCancelled() {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(done, total);
            }
        }

        void stepDone() {
            progress.accept(++done);
        }
    }

    /** One ensemble member: its encoder and answer head, and the questions it remembers. */
    private static final class Member implements AutoCloseable {

        final TextEncoderBlock block;
        final Model model;
        final NDManager manager;
        List<String> questions = List.of();
        List<String> answers = List.of();
        /** The remembered questions' embeddings, one row of the width each. */
        float[] memory = new float[0];
        private long skippedInARow;

        Member(int buckets, int width, int answers) {
            block = new TextEncoderBlock(buckets, width, answers);
            model = Model.newInstance("x-" + DOMAIN, "PyTorch");
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
        void initialise(Member from, SplittableRandom random) {
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

        private void inherit(Parameter parameter, Member from, float[] values) {
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
                SplittableRandom random, Steps steps) {
            try (Trainer trainer = AdamTraining.trainer(model, training.learningRate(), 0)) {
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
                        step(trainer, order, start, Math.min(order.length, start + training.batch()), bags, targets);
                        steps.stepDone();
                    }
                }
            }
        }

        private void step(Trainer trainer, int[] order, int start, int end, QuestionFeatures.Bag[] bags,
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
                try (GradientCollector collector = Gradients.collector(trainer)) {
                    NDArray logits = trainer.forward(inputs).get(1);
                    NDArray crossEntropy = logits.logSoftmax(1).mul(targetArray).sum(new int[] {1}).neg().mean();
                    float loss = crossEntropy.getFloat();
                    if (!Float.isFinite(loss)) {
                        throw new TrainingDivergedException(loss);
                    }
                    collector.backward(crossEntropy);
                }
                if (!Gradients.finite(block, step)) {
                    discardGradients(); // see Gradients: PyTorch's CPU backward now and then gives NaN
                    return;
                }
                skippedInARow = 0;
                trainer.step();
            }
        }

        private void discardGradients() {
            if (++skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                throw new TrainingDivergedException(Float.NaN);
            }
            Gradients.zero(block);
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
    }
}
