package org.amplify.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amplify.amplification.CopyPool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A TorchScript encoder imported for the {@code text} domain: refused while no text champion has
 * remembered questions to answer from, or when it does not embed; accepted, it remembers what the
 * champion's members remember, and once promoted the copies answer with it. (A context of its own: the
 * other tests expect no text champion.)
 */
@SpringBootTest(properties = "amplify.test.context=text-import")
class TextImportTests {

    private static final String SKY = "What colour is the sky?";

    @Autowired
    ModelImport imports;

    @Autowired
    ModelRegistry registry;

    @Autowired
    CopyPool copies;

    @Test
    void anImportedEncoderAnswersFromTheChampionsMemoryOncePromoted() {
        byte[] encoder = TorchScriptFixtures.read(TorchScriptFixtures.TEXT_ENCODER);
        assertThatThrownBy(() -> imports.importModel(TextModel.DOMAIN, encoder, null, "admin"))
                .isInstanceOf(ModelImportRefusedException.class).hasMessageContaining("has no champion yet");

        ModelVersion trained;
        try (TextModel model = TextModel.train(examples(), null, TextTraining.defaults().withEpochs(0), 1, null, null)) {
            trained = registry.register(model, ModelKind.ROUND, null, Map.of());
        }
        registry.promote(trained.id(), "admin");

        assertThatThrownBy(() -> imports.importModel(TextModel.DOMAIN,
                TorchScriptFixtures.read(TorchScriptFixtures.PERMUTATION_ECHO), null, "admin"))
                .as("an algorithmic module fails on text bytes")
                .isInstanceOf(ModelImportRefusedException.class).hasMessageContaining("the module fails on an input");
        assertThatThrownBy(() -> imports.importModel(TextModel.DOMAIN, TorchScriptFixtures.randomBytes(999, 3), null,
                "admin")).isInstanceOf(ModelImportRefusedException.class).hasMessageContaining("does not load");

        ModelVersion imported = imports.importModel(TextModel.DOMAIN, encoder, "bytes encoder", "admin");
        assertThat(imported.kind()).isEqualTo(ModelKind.IMPORT);
        assertThat(imported.parentId()).isEqualTo(trained.id());
        assertThat(imported.metrics()).containsEntry("width", 16).containsEntry("members", 3);
        assertThatThrownBy(() -> registry.loadText(imported)).isInstanceOf(ModelArtifactException.class);

        registry.promote(imported.id(), "admin");
        ModelVersion champion = copies.champion(TextModel.DOMAIN).orElseThrow();
        assertThat(champion).isEqualTo(imported);
        List<TextAnswer> votes = copies.textVotes(champion, SKY, 3);
        assertThat(votes).hasSize(3).allSatisfy(vote -> {
            assertThat(vote.answer()).isEqualTo("blue");
            assertThat(vote.nearestQuestion()).isEqualTo(SKY);
            assertThat(vote.similarity()).isCloseTo(1.0, within(1e-4));
        });
        try (ServedTextModel served = registry.serveText(imported)) {
            for (int m = 0; m < served.members(); m++) {
                Map.Entry<String, String> remembered = served.memory(m).entrySet().iterator().next();
                assertThat(served.answer(m, remembered.getKey()).answer()).isEqualTo(remembered.getValue());
            }
        }
    }

    /** The sky question many times (so every bootstrap sample has it), and a few others. */
    private static List<TextExample> examples() {
        List<TextExample> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(new TextExample(SKY, Map.of("blue", 1.0)));
        }
        examples.add(new TextExample("What colour is grass?", Map.of("green", 1.0)));
        examples.add(new TextExample("Is the plan sound?", Map.of("no", 1.0)));
        examples.add(new TextExample("Which city is the capital of Italy?", Map.of("Rome", 1.0)));
        examples.add(new TextExample("How many legs has a spider?", Map.of("eight", 1.0)));
        return examples;
    }
}
