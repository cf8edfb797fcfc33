package org.amplify.models.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A question in words as a bag of hashed tokens: its lower-cased words and the character trigrams of
 * each word (with {@code <} and {@code >} marking the word's ends, so "sky" gives {@code <sk},
 * {@code sky}, {@code ky>}), each hashed (32-bit FNV-1a) into one of a fixed number of buckets.
 * Trigrams make paraphrases and misspellings ("colour", "color") share most of their tokens.
 */
public final class QuestionFeatures {

    public static final int DEFAULT_BUCKETS = 4096;

    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int buckets;

    public QuestionFeatures(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1: " + buckets);
        }
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /**
     * The question's tokens as bucket weights summing to 1 (each token counts once per occurrence);
     * no weights when the question has no word.
     */
    public Bag bag(String question) {
        Map<Integer, Integer> counts = new TreeMap<>();
        int total = 0;
        for (String word : SEPARATOR.split(question.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) {
                continue;
            }
            counts.merge(bucket("w " + word), 1, Integer::sum);
            total++;
            String marked = "<" + word + ">";
            for (int i = 0; i + 3 <= marked.length(); i++) {
                counts.merge(bucket("t " + marked.substring(i, i + 3)), 1, Integer::sum);
                total++;
            }
        }
        int[] indices = new int[counts.size()];
        float[] weights = new float[counts.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
            indices[i] = count.getKey();
            weights[i] = count.getValue() / (float) total;
            i++;
        }
        return new Bag(indices, weights);
    }

    int bucket(String token) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, buckets);
    }

    /** Sparse bucket weights: {@code weights[i]} of bucket {@code buckets[i]}. */
    public record Bag(int[] buckets, float[] weights) {

        /** Writes the weights into a dense row of {@code into} starting at {@code offset}. */
        public void fill(float[] into, int offset) {
            for (int i = 0; i < buckets.length; i++) {
                into[offset + buckets[i]] += weights[i];
            }
        }
    }
}
