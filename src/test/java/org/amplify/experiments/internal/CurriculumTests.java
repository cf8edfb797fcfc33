package org.amplify.experiments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.amplify.experiments.ExperimentSettings;
import org.amplify.experiments.Mode;
import org.junit.jupiter.api.Test;

/** The curriculum opens levels and grows N on a full window of evidence, per level, and never early. */
class CurriculumTests {

    private static final int WINDOW = 1000;

    private static ExperimentSettings settings(Mode mode, List<Double> perLevel, int maxSize) {
        return ExperimentSettings.defaults("permutation-powering", mode, 8, 100, 1).toBuilder()
                .curriculum(true).curriculumThreshold(0.95).levelThresholds(perLevel).curriculumWindow(WINDOW)
                .maxSize(maxSize).build();
    }

    @Test
    void aLevelOpensOnlyOnceItsWindowIsFullAndAtItsThreshold() {
        Curriculum curriculum = new Curriculum(settings(Mode.IA, List.of(), 0), 3);
        assertThat(curriculum.openLevels()).isEqualTo(1);
        record(curriculum, 1, WINDOW - 1, 1.0); // agreement 100 %, but not yet a full window
        assertThat(curriculum.openLevels()).isEqualTo(1);
        assertThat(curriculum.estimate(1)).isNaN();
        record(curriculum, 1, 1, 1.0);
        assertThat(curriculum.openLevels()).isEqualTo(2);

        record(curriculum, 2, WINDOW, 0.94); // below 0.95 over the whole window: stays shut
        assertThat(curriculum.openLevels()).isEqualTo(2);
        assertThat(curriculum.estimate(2)).isEqualTo(0.94);
        record(curriculum, 2, WINDOW, 0.96); // the window slides: the old 94 % are forgotten
        assertThat(curriculum.openLevels()).isEqualTo(3);
        assertThat(curriculum.measuring()).isFalse(); // N fixed, every level open: nothing left to open
    }

    @Test
    void eachLevelHasItsOwnThreshold() {
        Curriculum curriculum = new Curriculum(settings(Mode.IA, List.of(0.99, 0.9), 0), 3);
        record(curriculum, 1, WINDOW, 0.98);
        assertThat(curriculum.openLevels()).isEqualTo(1);
        record(curriculum, 1, WINDOW, 0.99);
        assertThat(curriculum.openLevels()).isEqualTo(2);
        record(curriculum, 2, WINDOW, 0.91);
        assertThat(curriculum.openLevels()).isEqualTo(3);
    }

    @Test
    void nDoublesOnceEveryLevelIsLearnedAndTheEvidenceStartsAgain() {
        Curriculum curriculum = new Curriculum(settings(Mode.IA, List.of(), 20), 2);
        record(curriculum, 1, WINDOW, 1.0);
        assertThat(curriculum.openLevels()).isEqualTo(2);
        record(curriculum, 2, WINDOW - 1, 1.0);
        assertThat(curriculum.size()).isEqualTo(8);
        assertThat(record(curriculum, 2, 1, 1.0)).isTrue();
        assertThat(curriculum.size()).isEqualTo(16);
        assertThat(curriculum.openLevels()).isEqualTo(2); // levels stay open at the new N
        assertThat(curriculum.estimate(1)).isNaN();
        record(curriculum, 1, WINDOW, 1.0);
        assertThat(curriculum.size()).isEqualTo(16); // level 2 has no evidence at N = 16 yet
        record(curriculum, 2, WINDOW, 1.0);
        assertThat(curriculum.size()).isEqualTo(20); // doubling stops at the largest N
        assertThat(curriculum.measuring()).isFalse();
    }

    @Test
    void slAndRunsWithoutTheCurriculumAskEveryLevelAtTheirN() {
        Curriculum sl = new Curriculum(settings(Mode.SL, List.of(), 32), 4);
        assertThat(sl.openLevels()).isEqualTo(4);
        assertThat(sl.size()).isEqualTo(8);
        assertThat(sl.measuring()).isFalse();
    }

    /** Records {@code count} targets of one level, the first {@code share} of them agreeing. */
    private static boolean record(Curriculum curriculum, int level, int count, double share) {
        int agreeing = (int) Math.round(share * count);
        int[] direct = new int[count];
        int[] amplified = new int[count];
        for (int i = agreeing; i < count; i++) {
            amplified[i] = 1;
        }
        return curriculum.record(Collections.nCopies(count, level), direct, amplified);
    }
}
