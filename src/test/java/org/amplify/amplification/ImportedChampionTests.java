package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.models.ModelImport;
import org.amplify.models.ModelInput;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TorchScriptFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported TorchScript model promoted to champion is what the copies answer from: the echo module
 * answers σ^k(a) with a, so every copy votes a. (The same Spring context as the web tests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportedChampionTests {

    @Autowired
    ModelImport imports;

    @Autowired
    ModelRegistry registry;

    @Autowired
    CopyPool copies;

    @Test
    void thePromotedImportIsWhatTheCopiesAnswerFrom() {
        PermutationPowering domain = new PermutationPowering();
        ModelVersion imported = imports.importModel(domain.name(),
                TorchScriptFixtures.read(TorchScriptFixtures.PERMUTATION_ECHO), "echo", "admin");
        registry.promote(imported.id(), "admin");
        ModelVersion champion = copies.champion(domain.name()).orElseThrow();
        assertThat(champion).isEqualTo(imported);

        SplittableRandom random = new SplittableRandom(11);
        List<ModelInput> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Context context = domain.generate(i % 2 == 0 ? 8 : 13, random);
            Question question = domain.randomQuestion(context, random);
            inputs.add(new ModelInput(context.facts(), question));
        }
        long[] seeds = new long[inputs.size()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = 100 + i;
        }
        CopyPool.Votes votes = copies.vote(domain, champion, inputs, seeds, 3);
        assertThat(votes.versionId()).isEqualTo(imported.id());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(votes.of(i)).as("every copy answers with the question's name")
                    .containsOnly(inputs.get(i).question().token(0)).hasSize(3);
            assertThat(votes.majority(i).agreement()).isEqualTo(1.0);
        }
    }
}
