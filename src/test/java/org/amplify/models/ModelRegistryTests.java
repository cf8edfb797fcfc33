package org.amplify.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.AmplifyProperties;
import org.amplify.domains.Context;
import org.amplify.domains.permutation.PermutationPowering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registered models: atomic files with checksums, lineage, and loads that refuse altered files. */
@SpringBootTest
class ModelRegistryTests {

    @Autowired
    ModelRegistry registry;

    @Autowired
    AmplifyProperties amplify;

    @Autowired
    PermutationPowering domain;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registeredVersionsKeepTheirLineageAndLoadIdentically() throws Exception {
        List<ModelInput> inputs = inputs();
        try (AnswerModel first = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 1);
                AnswerModel second = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 2)) {
            ModelVersion v1 = registry.register(first, ModelKind.SL, null, Map.of("accuracy", 0.5));
            ModelVersion v2 = registry.register(second, ModelKind.IA, v1.id(), Map.of("accuracy", 0.75, "steps", 100));
            assertThat(v2.version()).isEqualTo(v1.version() + 1);
            assertThat(v2.parentId()).isEqualTo(v1.id());
            assertThat(v2.metrics()).containsEntry("steps", 100);
            assertThat(registry.versions(domain.name())).extracting(ModelVersion::id).startsWith(v2.id(), v1.id());

            Path file = amplify.dataDir().resolve(v2.artifactPath());
            assertThat(file).exists();
            try (var siblings = Files.list(file.getParent())) {
                assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("model.bin");
            }
            try (AnswerModel loaded = registry.load(v2, domain)) {
                assertThat(loaded.answer(inputs)).containsExactly(second.answer(inputs));
            }
        }
    }

    @Test
    void aNodeWithoutTheFileOrWithAnAlteredOneServesTheDatabasesCopy() throws Exception {
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 5)) {
            ModelVersion version = registry.register(model, ModelKind.SL, null, Map.of());
            Path file = amplify.dataDir().resolve(version.artifactPath());
            byte[] original = Files.readAllBytes(file);
            Files.delete(file); // as on a node that did not train it
            List<ModelInput> inputs = inputs();
            try (AnswerModel loaded = registry.load(version, domain)) {
                assertThat(Files.readAllBytes(file)).as("kept as this node's copy").isEqualTo(original);
                assertThat(loaded.answer(inputs)).containsExactly(model.answer(inputs));
            }
            byte[] altered = original.clone();
            altered[altered.length - 1] ^= 1;
            Files.write(file, altered);
            try (AnswerModel loaded = registry.load(version, domain)) {
                assertThat(Files.readAllBytes(file)).as("the altered copy is replaced").isEqualTo(original);
            }
        }
    }

    @Test
    void anAlteredOrMissingFileIsRefused() throws Exception {
        try (AnswerModel model = AnswerModel.create(domain, ModelSize.DEFAULT, 3e-4f, 3)) {
            ModelVersion version = registry.register(model, ModelKind.SL, null, Map.of());
            Path file = amplify.dataDir().resolve(version.artifactPath());
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1;
            Files.write(file, bytes);
            alterSharedCopy(version, bytes); // both copies: nothing matches the checksum
            assertThatThrownBy(() -> registry.load(version, domain))
                    .isInstanceOf(ModelArtifactException.class).hasMessageContaining("checksum");
            Files.delete(file);
            assertThatThrownBy(() -> registry.load(version, domain)).isInstanceOf(ModelArtifactException.class);
        }
    }

    @Test
    void aTextModelIsRegisteredAndLoadedLikeTheOthers() throws Exception {
        List<TextExample> examples = List.of(TextExample.of("what colour is the sky", "blue"),
                TextExample.of("which color is the sky", "blue"), TextExample.of("who wrote hamlet", "shakespeare"),
                TextExample.of("hamlet was written by whom", "shakespeare"));
        try (TextModel first = TextModel.train(examples, null, new TextTraining(2, 16, 2, 4, 0.01f), 1, null, null);
                TextModel second = TextModel.train(examples, first, new TextTraining(2, 16, 2, 4, 0.01f), 2, null,
                        null)) {
            ModelVersion v1 = registry.register(first, ModelKind.ROUND, null, Map.of("loss", first.loss(examples)));
            ModelVersion v2 = registry.register(second, ModelKind.ROUND, v1.id(), Map.of());
            assertThat(v1.domain()).isEqualTo("text");
            assertThat(v2.version()).isEqualTo(v1.version() + 1);
            assertThat(v2.parentId()).isEqualTo(v1.id());
            Path file = amplify.dataDir().resolve(v2.artifactPath());
            try (var siblings = Files.list(file.getParent())) {
                assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("model.bin");
            }
            try (TextModel loaded = registry.loadText(v2)) {
                for (int m = 0; m < second.members(); m++) {
                    assertThat(loaded.answer(m, "what is the sky's colour")).isEqualTo(second.answer(m,
                            "what is the sky's colour"));
                    assertThat(loaded.embed(m, "who wrote it")).containsExactly(second.embed(m, "who wrote it"));
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1;
            Files.write(file, bytes);
            alterSharedCopy(v2, bytes);
            assertThatThrownBy(() -> registry.loadText(v2))
                    .isInstanceOf(ModelArtifactException.class).hasMessageContaining("checksum");
        }
    }

    private List<ModelInput> inputs() {
        SplittableRandom random = new SplittableRandom(5);
        List<ModelInput> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Context context = domain.generate(8, random);
            inputs.add(new ModelInput(context.facts(), domain.randomQuestion(context, random)));
        }
        return inputs;
    }

    /** Replaces the database's copy of a version's file (as a damaged disk or a bad restore would). */
    private void alterSharedCopy(ModelVersion version, byte[] content) {
        assertThat(jdbc.update("UPDATE model_artifacts SET content = ? WHERE model_version_id = ?", content,
                version.id())).isEqualTo(1);
    }
}
