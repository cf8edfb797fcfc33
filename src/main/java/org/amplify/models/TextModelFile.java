package org.amplify.models;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amplify.models.internal.QuestionFeatures;

/**
 * The file format of a {@link TextModel}: a header (magic, format, domain, buckets, width), the
 * answers, then each member's remembered questions and answers and its parameters. Every count and
 * length read is bounded, so a damaged or foreign file is refused, never half-loaded.
 */
final class TextModelFile {

    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_BUCKETS = 1 << 22;
    private static final int MAX_WIDTH = 4096;

    private TextModelFile() {
    }

    /** Writes the model: a header, the answers, then each member's memory and parameters. */
    static void write(TextModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        ModelFileHeader.TEXT_MODEL.write(data, TextModel.DOMAIN);
        data.writeInt(model.features().buckets());
        data.writeInt(model.width());
        data.writeInt(model.answers().size());
        for (String answer : model.answers()) {
            writeString(data, answer);
        }
        data.writeInt(model.memberList().size());
        for (TextMember member : model.memberList()) {
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
    static TextModel read(InputStream in) throws IOException, MalformedModelException {
        DataInputStream data = new DataInputStream(in);
        ModelFileHeader.TEXT_MODEL.read(data, TextModel.DOMAIN);
        int buckets = count(data, "buckets", MAX_BUCKETS);
        int width = count(data, "width", MAX_WIDTH);
        int answerCount = count(data, "answers", Integer.MAX_VALUE);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < answerCount; i++) {
            answers.add(readString(data));
        }
        if (TextModel.index(answers).size() != answers.size()) {
            throw new MalformedModelException("the model lists an answer twice");
        }
        int memberCount = count(data, "members", Integer.MAX_VALUE);
        QuestionFeatures features = new QuestionFeatures(buckets);
        List<TextMember> members = new ArrayList<>();
        try {
            for (int m = 0; m < memberCount; m++) {
                int remembered = count(data, "remembered questions", Integer.MAX_VALUE);
                LinkedHashMap<String, String> memory = new LinkedHashMap<>();
                for (int i = 0; i < remembered; i++) {
                    memory.put(readString(data), readString(data));
                }
                TextMember member = new TextMember(buckets, width, answerCount);
                members.add(member);
                Map<String, Shape> shapes = member.shapes();
                member.block.loadParameters(member.manager, data);
                member.checkShapes(shapes);
                member.remember(memory, features);
            }
            return new TextModel(features, width, answers, members);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            members.forEach(TextMember::close);
            throw e;
        }
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
}
