package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.wildcard.WildcardSearch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model files of every kind: their header is laid out byte for byte as files written before the
 * kinds shared one ({@link ModelFileHeader}), so those still load; each kind round-trips through save
 * and load to the same bytes; a damaged or foreign header is refused with a message that says why.
 */
class ModelFileTests {

    private final PermutationPowering domain = new PermutationPowering();

    @Test
    void anAnswerModelFileHasTheHeaderItAlwaysHadAndRoundTrips() throws Exception {
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 11)) {
            List<ModelInput> inputs = inputs();
            model.train(inputs, new int[inputs.size()]);
            byte[] file = bytes(model::save);
            DataInputStream header = new DataInputStream(new ByteArrayInputStream(file));
            assertThat(header.readInt()).isEqualTo(0x414d5058); // "AMPX"
            assertThat(header.readInt()).isEqualTo(3);
            assertThat(header.readUTF()).isEqualTo(PermutationPowering.NAME);
            assertThat(new int[] {header.readInt(), header.readInt(), header.readInt()})
                    .containsExactly(domain.vocabulary().size(), domain.factLength(), domain.questionLength());
            assertThat(new ModelSize(header.readInt(), header.readInt(), header.readInt(), header.readInt()))
                    .isEqualTo(ModelSize.DEFAULT);
            assertThat(header.readFloat()).isEqualTo(3e-4f);
            try (AnswerModel loaded = AnswerModel.load(domain, new ByteArrayInputStream(file))) {
                assertThat(loaded.distributions(inputs)).isDeepEqualTo(model.distributions(inputs));
                assertThat(bytes(loaded::save)).isEqualTo(file);
            }
        }
    }

    @Test
    void aHumanPredictorFileHasTheHeaderItAlwaysHadAndRoundTrips() throws Exception {
        try (AskerModel model = AskerModel.create(domain, AskerModel.SMALL, 2e-3f, 11)) {
            byte[] file = bytes(model::save);
            DataInputStream header = new DataInputStream(new ByteArrayInputStream(file));
            assertThat(header.readInt()).isEqualTo(0x414d5048); // "AMPH"
            assertThat(header.readInt()).isEqualTo(1);
            assertThat(header.readUTF()).isEqualTo(PermutationPowering.NAME);
            assertThat(new int[] {header.readInt(), header.readInt(), header.readInt()}).containsExactly(
                    domain.vocabulary().size(), domain.questionLength(), domain.expert().maxSubquestions());
            assertThat(new ModelSize(header.readInt(), header.readInt(), header.readInt(), header.readInt()))
                    .isEqualTo(AskerModel.SMALL);
            assertThat(header.readFloat()).isEqualTo(2e-3f);
            try (AskerModel loaded = AskerModel.load(domain, new ByteArrayInputStream(file))) {
                assertThat(bytes(loaded::save)).isEqualTo(file);
            }
        }
    }

    @Test
    void aTextModelFileHasTheHeaderItAlwaysHadAndRoundTrips() throws Exception {
        try (TextModel model = textModel()) {
            byte[] file = bytes(model::save);
            DataInputStream header = new DataInputStream(new ByteArrayInputStream(file));
            assertThat(header.readInt()).isEqualTo(0x414d5054); // "AMPT"
            assertThat(header.readInt()).isEqualTo(1);
            assertThat(header.readUTF()).isEqualTo(TextModel.DOMAIN);
            assertThat(header.readInt()).as("buckets").isEqualTo(model.features().buckets());
            assertThat(header.readInt()).as("width").isEqualTo(16);
            try (TextModel loaded = TextModel.load(new ByteArrayInputStream(file))) {
                assertThat(loaded.answers()).isEqualTo(model.answers());
                assertThat(bytes(loaded::save)).isEqualTo(file);
            }
        }
    }

    @Test
    void aDamagedOrForeignHeaderIsRefusedWithTheReason() throws Exception {
        byte[] answer;
        byte[] asker;
        byte[] text;
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 1)) {
            answer = bytes(model::save);
        }
        try (AskerModel model = AskerModel.create(domain, AskerModel.SMALL, 2e-3f, 1)) {
            asker = bytes(model::save);
        }
        try (TextModel model = textModel()) {
            text = bytes(model::save);
        }
        WildcardSearch other = new WildcardSearch();

        assertRefused(() -> AnswerModel.load(domain, in(text)), "not an Amplify model file");
        assertRefused(() -> AnswerModel.load(domain, in(asker)), "not an Amplify model file");
        assertRefused(() -> AnswerModel.load(domain, in(withFormat(answer, 99))), "unsupported model format 99");
        assertRefused(() -> AnswerModel.load(other, in(answer)),
                "the model is for permutation-powering, not wildcard-search");

        assertRefused(() -> AskerModel.load(domain, in(answer)), "not an Amplify human predictor file");
        assertRefused(() -> AskerModel.load(domain, in(withFormat(asker, 99))),
                "unsupported human predictor format 99");
        assertRefused(() -> AskerModel.load(other, in(asker)),
                "the human predictor is for permutation-powering, not wildcard-search");

        assertRefused(() -> TextModel.load(in(answer)), "not an Amplify text model file");
        assertRefused(() -> TextModel.load(in(withFormat(text, 99))), "unsupported text model format 99");
        ByteArrayOutputStream foreign = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(foreign);
        data.writeInt(0x414d5054);
        data.writeInt(1);
        data.writeUTF("sorting");
        assertRefused(() -> TextModel.load(in(foreign.toByteArray())), "the model is for sorting, not text");
    }

    private static void assertRefused(Load load, String message) {
        assertThatThrownBy(load::run).isInstanceOf(MalformedModelException.class).hasMessage(message);
    }

    private interface Load {
        void run() throws Exception;
    }

    private interface Save {
        void to(OutputStream out) throws IOException;
    }

    private static byte[] bytes(Save save) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        save.to(out);
        return out.toByteArray();
    }

    private static ByteArrayInputStream in(byte[] file) {
        return new ByteArrayInputStream(file);
    }

    /** The file with another format number (the second int of every header). */
    private static byte[] withFormat(byte[] file, int format) {
        byte[] changed = file.clone();
        changed[4] = (byte) (format >>> 24);
        changed[5] = (byte) (format >>> 16);
        changed[6] = (byte) (format >>> 8);
        changed[7] = (byte) format;
        return changed;
    }

    private static TextModel textModel() {
        List<TextExample> examples = new ArrayList<>();
        TextParaphrases.GROUPS.forEach((answer, questions) ->
                questions.subList(0, 2).forEach(question -> examples.add(new TextExample(question, Map.of(answer, 1.0)))));
        return TextModel.train(examples, null, new TextTraining(2, 16, 1, 8, 0.01f), 3, null, null);
    }

    private List<ModelInput> inputs() {
        SplittableRandom random = new SplittableRandom(3);
        List<ModelInput> inputs = new ArrayList<>();
        Context context = domain.generate(8, random);
        for (int i = 0; i < 16; i++) {
            Question question = domain.randomQuestion(context, random);
            inputs.add(new ModelInput(context.facts(), question));
        }
        return inputs;
    }
}
