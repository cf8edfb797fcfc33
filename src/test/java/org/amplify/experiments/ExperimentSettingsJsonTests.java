package org.amplify.experiments;

import java.util.List;
import org.amplify.models.ModelSize;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings' JSON (an experiment's stored settings, the API's {@code settings}) stays flat, one
 * field a setting, though the record groups them: documents written before the groups read back to
 * the same settings, and the settings write the same fields.
 */
class ExperimentSettingsJsonTests {

    /** Written by the flat record before the groups, every field set to other than its default. */
    private static final String FLAT = """
            {"domain":"union-find","mode":"IA_HP","size":9,"steps":1234,"batch":48,"seed":77,"model":{"width":32,"layers":2,"heads":4,"feedForward":64},"learningRate":0.002,"curriculum":true,"curriculumThreshold":0.9,"targetsPerStep":16,"bufferCapacity":5000,"teacherDecay":0.98,"evaluateEvery":100,"heldOut":300,"maxLevel":2,"expertErrorRate":0.05,"askerLearningRate":0.004,"expertCallBudget":999,"curriculumWindow":500,"levelThresholds":[0.8,0.85],"maxSize":32}""";

    /** The defaults of a run, written by the flat record before the groups. */
    private static final String FLAT_DEFAULTS = """
            {"domain":"sorting","mode":"SL","size":8,"steps":100,"batch":64,"seed":3,"model":{"width":64,"layers":3,"heads":4,"feedForward":256},"learningRate":0.001,"curriculum":true,"curriculumThreshold":0.95,"targetsPerStep":32,"bufferCapacity":20000,"teacherDecay":0.99,"evaluateEvery":250,"heldOut":1000,"maxLevel":0,"expertErrorRate":0.0,"askerLearningRate":0.001,"expertCallBudget":0,"curriculumWindow":2000,"levelThresholds":[],"maxSize":0}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private final ExperimentSettings everyField = ExperimentSettings.builder().domain("union-find")
            .mode(Mode.IA_HP).size(9).steps(1234).batch(48).seed(77L).model(new ModelSize(32, 2, 4, 64))
            .learningRate(2e-3f).curriculum(true).curriculumThreshold(0.9).targetsPerStep(16).bufferCapacity(5000)
            .teacherDecay(0.98f).evaluateEvery(100).heldOut(300).maxLevel(2).expertErrorRate(0.05)
            .askerLearningRate(4e-3f).expertCallBudget(999L).curriculumWindow(500).levelThresholds(List.of(0.8, 0.85))
            .maxSize(32).build();

    @Test
    void aDocumentWrittenBeforeTheGroupsReadsToTheSameSettings() {
        assertThat(json.readValue(FLAT, ExperimentSettings.class)).isEqualTo(everyField);
        assertThat(json.readValue(FLAT_DEFAULTS, ExperimentSettings.class))
                .isEqualTo(ExperimentSettings.defaults("sorting", Mode.SL, 8, 100, 3));
    }

    @Test
    void theSettingsWriteTheSameFlatFields() {
        assertThat(json.readTree(json.writeValueAsString(everyField))).isEqualTo(json.readTree(FLAT));
        assertThat(json.readTree(json.writeValueAsString(ExperimentSettings.defaults("sorting", Mode.SL, 8, 100, 3))))
                .isEqualTo(json.readTree(FLAT_DEFAULTS));
    }

    @Test
    void aDocumentOlderThanTheCurriculumsWindowGetsItsDefaults() {
        String older = FLAT_DEFAULTS.replace(",\"curriculumWindow\":2000,\"levelThresholds\":[],\"maxSize\":0", "");
        assertThat(older).doesNotContain("curriculumWindow");
        ExperimentSettings.Curriculum curriculum = json.readValue(older, ExperimentSettings.class).curriculum();
        assertThat(curriculum.window()).isEqualTo(ExperimentSettings.DEFAULT_CURRICULUM_WINDOW);
        assertThat(curriculum.levelThresholds()).isEmpty();
        assertThat(curriculum.maxSize()).isZero();
        String bare = "{\"domain\":\"sorting\",\"mode\":\"SL\",\"size\":8,\"steps\":100}";
        assertThat(json.readValue(bare, ExperimentSettings.class)).as("every missing field reads as 0, false or empty")
                .isEqualTo(new ExperimentSettings("sorting", Mode.SL, 8, 100, 0, 0,
                        new ExperimentSettings.Training(0, null, 0), new ExperimentSettings.Amplification(0, 0, 0, 0),
                        new ExperimentSettings.Curriculum(false, 0, 0, null, 0), new ExperimentSettings.Evaluation(0, 0),
                        new ExperimentSettings.HumanPredictor(0, 0)));
    }

    @Test
    void theBuilderStartsFromTheDefaultsAndToBuilderKeepsEveryField() {
        assertThat(everyField.toBuilder().build()).isEqualTo(everyField);
        ExperimentSettings defaults = ExperimentSettings.builder().build();
        assertThat(defaults.training()).isEqualTo(new ExperimentSettings.Training(64, ModelSize.DEFAULT, 1e-3f));
        assertThat(defaults.curriculum().enabled()).isTrue();
        assertThat(defaults.curriculum().thresholdFor(1)).isEqualTo(ExperimentSettings.DEFAULT_CURRICULUM_THRESHOLD);
        assertThat(everyField.curriculum().thresholdFor(2)).isEqualTo(0.85);
        assertThat(everyField.curriculum().thresholdFor(3)).isEqualTo(0.9);
    }
}
