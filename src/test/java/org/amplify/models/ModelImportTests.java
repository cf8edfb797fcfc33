package org.amplify.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.amplify.AmplifyProperties;
import org.amplify.domains.permutation.PermutationPowering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.amplify.models.TorchScriptFixtures.PERMUTATION_ECHO;
import static org.amplify.models.TorchScriptFixtures.PERMUTATION_NAN;
import static org.amplify.models.TorchScriptFixtures.PERMUTATION_WRONG_SHAPE;
import static org.amplify.models.TorchScriptFixtures.TEXT_ENCODER;
import static org.amplify.models.TorchScriptFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TorchScript imports of an algorithmic domain: a file that does not load, or whose output does not fit
 * the domain, is refused with the reason, leaving no version and no file; a good one is registered as
 * an IMPORT version with its note, its check's metrics and the champion as its parent.
 * (The same Spring context as the web tests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModelImportTests {

    private static final String DOMAIN = PermutationPowering.NAME;

    @Autowired
    ModelImport imports;

    @Autowired
    ModelRegistry registry;

    @Autowired
    AmplifyProperties amplify;

    @Test
    void aFileThatIsNotTorchScriptIsRefused() throws Exception {
        assertRefused(TorchScriptFixtures.randomBytes(4096, 1), "does not load as a TorchScript module");
        assertRefused("not a model at all".getBytes(), "does not load as a TorchScript module");
        assertRefused(new byte[0], "No file, or an empty one");
    }

    @Test
    void outputsThatDoNotFitTheDomainAreRefusedWithTheReason() throws Exception {
        assertRefused(read(PERMUTATION_WRONG_SHAPE), "answers a tensor of shape (64, 70) for 64 inputs, expected (64, 67)");
        assertRefused(read(PERMUTATION_NAN), "answers NaN or infinite values for 64 of 64 inputs");
        assertRefused(read(TEXT_ENCODER), "answers a tensor of shape (64, 16) for 64 inputs, expected (64, 67)");
    }

    @Test
    void anUnknownDomainOrALongNoteIsRefused() {
        assertThatThrownBy(() -> imports.importModel("chess", read(PERMUTATION_ECHO), null, "admin"))
                .isInstanceOf(ModelImportRefusedException.class).hasMessageContaining("Unknown domain 'chess'")
                .extracting(e -> ((ModelImportRefusedException) e).field()).isEqualTo("domain");
        assertThatThrownBy(() -> imports.importModel(DOMAIN, read(PERMUTATION_ECHO), "n".repeat(2001), "admin"))
                .isInstanceOf(ModelImportRefusedException.class).hasMessageContaining("longer than 2000");
    }

    @Test
    void aGoodFileIsRegisteredAsAnImportWithItsNoteMetricsAndParent() throws Exception {
        byte[] content = read(PERMUTATION_ECHO);
        Long champion = registry.champion(DOMAIN).map(ModelVersion::id).orElse(null);
        ModelVersion version = imports.importModel(DOMAIN, content, "  trained in a notebook, seed 6  ", "alice");

        assertThat(version.kind()).isEqualTo(ModelKind.IMPORT);
        assertThat(version.domain()).isEqualTo(DOMAIN);
        assertThat(version.note()).isEqualTo("trained in a notebook, seed 6");
        assertThat(version.parentId()).isEqualTo(champion);
        assertThat(version.metrics()).containsEntry("sampleQuestions", 64).containsEntry("importedBy", "alice")
                .containsEntry("fileBytes", content.length).containsKeys("accuracy", "engine", "checkMillis");
        assertThat(((Number) version.metrics().get("accuracy")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(registry.versions(DOMAIN).get(0)).isEqualTo(version);

        Path file = amplify.dataDir().resolve(version.artifactPath());
        assertThat(file.getFileName()).hasToString("model.pt");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(version.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("model.pt");
        }
        assertThatThrownBy(() -> registry.load(version, new PermutationPowering()))
                .isInstanceOf(ModelArtifactException.class).hasMessageContaining("imported TorchScript model");
        try (ServedAnswerModel served = registry.serve(version, new PermutationPowering())) {
            PermutationPowering domain = new PermutationPowering();
            var context = domain.generate(8, new java.util.SplittableRandom(2));
            var question = domain.randomQuestion(context, new java.util.SplittableRandom(3));
            float[] distribution = served.distributions(List.of(new ModelInput(context.facts(), question)))[0];
            assertThat(distribution[question.token(0)]).as("the echo module peaks on the question's name")
                    .isGreaterThan(0.99f);
        }
    }

    private void assertRefused(byte[] content, String reason) throws Exception {
        int versions = registry.versions(DOMAIN).size();
        List<Path> files = files();
        assertThatThrownBy(() -> imports.importModel(DOMAIN, content, "a note", "admin"))
                .isInstanceOf(ModelImportRefusedException.class).hasMessageContaining(reason);
        assertThat(registry.versions(DOMAIN)).hasSize(versions);
        assertThat(files()).as("no file is left by a refused import").isEqualTo(files);
    }

    private List<Path> files() throws Exception {
        Path directory = amplify.dataDir().resolve("models").resolve(DOMAIN);
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.sorted().toList();
        }
    }
}
