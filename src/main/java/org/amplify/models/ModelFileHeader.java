package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The header every model file starts with: a magic number naming the kind of file, the format of the
 * kind, the domain, then the domain's dimensions the model was made for (ints). Reading it refuses,
 * with a {@link MalformedModelException} that says why, a file of another kind, another format, or
 * another domain.
 */
enum ModelFileHeader {

    /** {@link AnswerModel}: "AMPX", then vocabulary, fact length and question length. */
    ANSWER_MODEL(0x414d5058, 3, "model", "model"),
    /** {@link AskerModel}: "AMPH", then vocabulary, question length and the most subquestions. */
    HUMAN_PREDICTOR(0x414d5048, 1, "human predictor", "human predictor"),
    /**
     * {@link TextModel}: "AMPT", no dimensions. Raise its format when the file layout, the encoder or
     * {@link org.amplify.models.internal.QuestionFeatures}' tokens or hash change.
     */
    TEXT_MODEL(0x414d5054, 1, "text model", "model");

    private final int magic;
    private final int format;
    /** What the file is called in the messages about its kind and format. */
    private final String file;
    /** What the model is called in the message about its domain. */
    private final String model;

    ModelFileHeader(int magic, int format, String file, String model) {
        this.magic = magic;
        this.format = format;
        this.file = file;
        this.model = model;
    }

    void write(DataOutputStream data, String domain, int... dimensions) throws IOException {
        data.writeInt(magic);
        data.writeInt(format);
        data.writeUTF(domain);
        for (int dimension : dimensions) {
            data.writeInt(dimension);
        }
    }

    /**
     * Reads the header, checking it against the domain and its dimensions (read one by one, each
     * compared as it is read).
     *
     * @throws MalformedModelException if the file is of another kind, format or domain
     */
    void read(DataInputStream data, String domain, int... dimensions) throws IOException, MalformedModelException {
        if (data.readInt() != magic) {
            throw new MalformedModelException("not an Amplify " + file + " file");
        }
        int read = data.readInt();
        if (read != format) {
            throw new MalformedModelException("unsupported " + file + " format " + read);
        }
        String name = data.readUTF();
        boolean same = name.equals(domain);
        for (int i = 0; same && i < dimensions.length; i++) {
            same = data.readInt() == dimensions[i];
        }
        if (!same) {
            throw new MalformedModelException("the " + model + " is for " + name + ", not " + domain);
        }
    }

    /** Writes a model's size and learning rate, as the transformers' files have them after the header. */
    static void writeSize(DataOutputStream data, ModelSize size, float learningRate) throws IOException {
        data.writeInt(size.width());
        data.writeInt(size.layers());
        data.writeInt(size.heads());
        data.writeInt(size.feedForward());
        data.writeFloat(learningRate);
    }

    /** Reads the size {@link #writeSize} wrote (the learning rate follows it: {@code data.readFloat()}). */
    static ModelSize readSize(DataInputStream data) throws IOException {
        return new ModelSize(data.readInt(), data.readInt(), data.readInt(), data.readInt());
    }
}
