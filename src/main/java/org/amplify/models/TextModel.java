package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.amplify.models.internal.QuestionFeatures;

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

    /**
     * The probability that {@link #loss} takes a member to give an answer it has never seen (a
     * probability of 0 would make the loss infinite).
     */
    static final double UNKNOWN_ANSWER_PROBABILITY = 1e-6;

    private final QuestionFeatures features;
    private final int width;
    private final List<String> answers;
    private final Map<String, Integer> answerIndex;
    private final List<TextMember> members;

    TextModel(QuestionFeatures features, int width, List<String> answers, List<TextMember> members) {
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
     *     weights; it must have the same width. TextMember m starts from the parent's member m (modulo its
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
        TrainingSteps steps = new TrainingSteps(totalSteps(examples.size(), training), progress, cancelled);
        SplittableRandom root = new SplittableRandom(seed);
        List<TextMember> trained = new ArrayList<>();
        try {
            for (int m = 0; m < training.members(); m++) {
                SplittableRandom random = root.split();
                int[] sample = new int[examples.size()];
                for (int i = 0; i < sample.length; i++) {
                    sample[i] = random.nextInt(sample.length);
                }
                TextMember member = new TextMember(features.buckets(), training.width(), answers.size());
                trained.add(member);
                TextMember from = parent == null ? null : parent.members.get(m % parent.members.size());
                member.initialise(from, random);
                member.fit(sample, bags, targets, training, random, steps);
                member.remember(memory(from, retrained, sample, examples), features);
            }
            return new TextModel(features, training.width(), answers, trained);
        } catch (RuntimeException | Error e) {
            trained.forEach(TextMember::close);
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
        TextMember copy = member(member);
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
        TextMember copy = member(member);
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
        for (TextMember member : members) {
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
        TextModelFile.write(this, out);
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws MalformedModelException if the file is not a text model of this format
     */
    public static TextModel load(InputStream in) throws IOException, MalformedModelException {
        return TextModelFile.read(in);
    }

    @Override
    public void close() {
        members.forEach(TextMember::close);
    }

    QuestionFeatures features() {
        return features;
    }

    List<TextMember> memberList() {
        return members;
    }

    private TextMember member(int member) {
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

    static Map<String, Integer> index(List<String> answers) {
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
    private static LinkedHashMap<String, String> memory(TextMember from, Set<String> retrained, int[] sample,
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


}
