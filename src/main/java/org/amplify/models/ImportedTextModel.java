package org.amplify.models;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.amplify.models.internal.TorchScriptModule;

/**
 * An imported TorchScript encoder of the {@code text} domain (see the README, "Importing a model"):
 * input one int64 tensor {@code [B, L]}, each question's UTF-8 bytes (at most {@value #MAX_BYTES}) plus
 * one, 0 padding to the longest question of the batch; output one float32 tensor {@code [B, D]}, an
 * embedding per question. The encoder brings no answers: its members (the copies) remember what the
 * members of its parent (the text champion when it was imported) remembered, and each answers with the
 * answer of the remembered question whose embedding is nearest (cosine similarity).
 */
final class ImportedTextModel implements ServedTextModel {

    static final int MAX_BYTES = 512;
    static final int MAX_WIDTH = 4096;
    private static final int BATCH = 64;

    private final TorchScriptModule module;
    private final List<Map<String, String>> memories;
    private final List<float[][]> remembered = new ArrayList<>();
    private int width = -1;

    /**
     * Loads the encoder and embeds every remembered question: that is also the check that it answers
     * within the contract.
     *
     * @param memories each member's remembered questions and answers (at least one member)
     * @throws TorchScriptModule.Refusal if the file is not TorchScript or the encoder answers outside the contract
     */
    static ImportedTextModel load(byte[] content, List<Map<String, String>> memories) {
        TorchScriptModule module = TorchScriptModule.load(content);
        try {
            return new ImportedTextModel(module, memories);
        } catch (RuntimeException e) {
            module.close();
            throw e;
        }
    }

    private ImportedTextModel(TorchScriptModule module, List<Map<String, String>> memories) {
        this.module = module;
        this.memories = memories.stream().map(m -> (Map<String, String>) new LinkedHashMap<>(m)).toList();
        if (this.memories.isEmpty() || this.memories.stream().anyMatch(Map::isEmpty)) {
            throw new IllegalArgumentException("every member must remember at least one question");
        }
        Map<String, float[]> cache = new HashMap<>();
        for (Map<String, String> memory : memories) {
            List<String> questions = List.copyOf(memory.keySet());
            List<String> missing = questions.stream().filter(q -> !cache.containsKey(q)).distinct().toList();
            float[][] embedded = embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), embedded[i]);
            }
            remembered.add(questions.stream().map(cache::get).toArray(float[][]::new));
        }
    }

    /** The width D of the embeddings, once something was embedded; -1 before. */
    int width() {
        return width;
    }

    /** L2-normalised embeddings of the texts, one row each. */
    float[][] embed(List<String> texts) {
        float[][] result = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += BATCH) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + BATCH));
            List<byte[]> bytes = batch.stream().map(ImportedTextModel::bytes).toList();
            int length = Math.max(1, bytes.stream().mapToInt(b -> b.length).max().orElse(1));
            long[] tokens = new long[batch.size() * length];
            for (int b = 0; b < batch.size(); b++) {
                byte[] text = bytes.get(b);
                for (int i = 0; i < text.length; i++) {
                    tokens[b * length + i] = (text[i] & 0xff) + 1L;
                }
            }
            TorchScriptModule.Output output = module.forward(tokens, batch.size(), length, width, MAX_WIDTH);
            width = output.columns();
            for (int b = 0; b < batch.size(); b++) {
                float[] row = new float[width];
                System.arraycopy(output.values(), b * width, row, 0, width);
                double norm = 0;
                for (float value : row) {
                    norm += value * value;
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < width && norm > 0; i++) {
                    row[i] = (float) (row[i] / norm);
                }
                result[start + b] = row;
            }
        }
        return result;
    }

    /** A question's UTF-8 bytes, cut to {@value #MAX_BYTES}. */
    static byte[] bytes(String text) {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        return all.length <= MAX_BYTES ? all : java.util.Arrays.copyOf(all, MAX_BYTES);
    }

    @Override
    public int members() {
        return memories.size();
    }

    @Override
    public List<TextAnswer> answers(int member, List<String> questions) {
        Objects.checkIndex(member, memories.size());
        List<String> keys = List.copyOf(memories.get(member).keySet());
        float[][] memory = remembered.get(member);
        float[][] embedded = embed(questions);
        List<TextAnswer> result = new ArrayList<>();
        for (float[] question : embedded) {
            int best = 0;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < memory.length; r++) {
                double similarity = 0;
                for (int i = 0; i < width; i++) {
                    similarity += question[i] * memory[r][i];
                }
                if (similarity > bestSimilarity) {
                    best = r;
                    bestSimilarity = similarity;
                }
            }
            String nearest = keys.get(best);
            result.add(new TextAnswer(memories.get(member).get(nearest), Math.max(-1, Math.min(1, bestSimilarity)),
                    nearest));
        }
        return result;
    }

    /** The members share the encoder: they differ only in what they remember. */
    @Override
    public float[][] embeddings(int member, List<String> texts) {
        Objects.checkIndex(member, memories.size());
        return embed(texts);
    }

    @Override
    public Map<String, String> memory(int member) {
        return new LinkedHashMap<>(memories.get(Objects.checkIndex(member, memories.size())));
    }

    @Override
    public void close() {
        module.close();
    }
}
