package org.amplify.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * The TorchScript files the import tests upload, as shipped under {@code src/test/resources/torchscript/}
 * (written by {@code src/test/python/make_torchscript_fixtures.py}; see there what each module does).
 */
public final class TorchScriptFixtures {

    /** permutation-powering: answers σ^k(a) with a, by a sharp peak on the question's first token. */
    public static final String PERMUTATION_ECHO = "permutation-echo.pt";
    /** permutation-powering's contract, but 70 logits instead of 67. */
    public static final String PERMUTATION_WRONG_SHAPE = "permutation-wrong-shape.pt";
    /** permutation-powering's contract, but every logit is NaN. */
    public static final String PERMUTATION_NAN = "permutation-nan.pt";
    /** text: byte embeddings, mean-pooled, then a linear layer to 16 numbers. */
    public static final String TEXT_ENCODER = "text-bytes-encoder.pt";

    private TorchScriptFixtures() {}

    public static byte[] read(String name) {
        try (InputStream in = TorchScriptFixtures.class.getResourceAsStream("/torchscript/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that are no TorchScript file (nor a zip archive). */
    public static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
