package org.amplify.models.internal;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * A TorchScript module that an admin imported (a model trained elsewhere), loaded with DJL's PyTorch
 * engine from the file's bytes. It takes one int64 tensor {@code [B, L]} of token ids and must answer
 * one float32 tensor of a given shape with finite values; anything else is a {@link Refusal} that says
 * what is wrong, in words for the admin. Not thread-safe: one caller at a time.
 */
public final class TorchScriptModule implements AutoCloseable {

    private final Model model;

    private TorchScriptModule(Model model) {
        this.model = model;
    }

    /**
     * Loads a TorchScript file (what {@code torch.jit.save} writes).
     *
     * @throws Refusal if the bytes are not a TorchScript module PyTorch can load
     */
    public static TorchScriptModule load(byte[] content) {
        Model model = Model.newInstance("import", "PyTorch");
        try {
            model.load(new ByteArrayInputStream(content), Map.of());
            if (model.getBlock() == null) {
                throw new IllegalStateException("no module in the file");
            }
            return new TorchScriptModule(model);
        } catch (Exception e) {
            model.close();
            throw new Refusal("the file does not load as a TorchScript module (torch.jit.save of a scripted or "
                    + "traced module; PyTorch " + engineVersion() + "): " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Runs the module on a batch and checks its output.
     *
     * @param tokens the token ids, row after row: {@code batch · length} of them
     * @param expectedColumns the output's second dimension, or -1 for any (at most {@code maxColumns})
     * @return the output, row after row: {@code batch} rows of the same number of columns
     * @throws Refusal if the module fails, or answers other than one finite float32 tensor {@code [B, C]}
     */
    public Output forward(long[] tokens, int batch, int length, int expectedColumns, int maxColumns) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // the mode is per thread: whatever thread asks, no autograd graph
        try (NDManager step = model.getNDManager().newSubManager()) {
            NDList outputs;
            try {
                outputs = model.getBlock().forward(new ParameterStore(step, false),
                        new NDList(step.create(tokens, new Shape(batch, length))), false);
            } catch (RuntimeException e) {
                throw new Refusal("the module fails on an input of shape (" + batch + ", " + length + "): "
                        + firstLine(e.getMessage()), e);
            }
            if (outputs.size() != 1) {
                throw new Refusal("the module answers " + outputs.size() + " tensors, expected one");
            }
            NDArray output = outputs.get(0);
            Shape shape = output.getShape();
            String expected = "(" + batch + ", " + (expectedColumns < 0 ? "D" : Integer.toString(expectedColumns))
                    + ")";
            if (shape.dimension() != 2 || shape.get(0) != batch
                    || (expectedColumns >= 0 ? shape.get(1) != expectedColumns : shape.get(1) < 1 || shape.get(1) > maxColumns)) {
                throw new Refusal("the module answers a tensor of shape " + shape + " for " + batch
                        + " inputs, expected " + expected + (expectedColumns < 0 ? " with 1 ≤ D ≤ " + maxColumns : ""));
            }
            if (output.getDataType() != DataType.FLOAT32) {
                throw new Refusal("the module answers " + output.getDataType().name().toLowerCase()
                        + " values, expected float32");
            }
            float[] values = output.toFloatArray();
            int columns = Math.toIntExact(shape.get(1));
            int bad = 0;
            for (int row = 0; row < batch; row++) {
                for (int c = 0; c < columns; c++) {
                    if (!Float.isFinite(values[row * columns + c])) {
                        bad++;
                        break;
                    }
                }
            }
            if (bad > 0) {
                throw new Refusal("the module answers NaN or infinite values for " + bad + " of " + batch + " inputs");
            }
            return new Output(values, batch, columns);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** The version of PyTorch that runs imported modules. */
    public static String engineVersion() {
        try {
            return ai.djl.engine.Engine.getEngine("PyTorch").getVersion();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        model.close();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** A module's output: {@code rows · columns} values, row after row. */
    public record Output(float[] values, int rows, int columns) {}

    /** Why an imported module is not accepted, or cannot answer. */
    public static final class Refusal extends RuntimeException {

        public Refusal(String reason) {
            super(reason);
        }

        public Refusal(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
