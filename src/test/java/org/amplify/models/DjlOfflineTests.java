package org.amplify.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DJL's PyTorch engine loads its native library from the Maven dependency, offline: no download at
 * run time.
 */
class DjlOfflineTests {

    @Test
    void thePyTorchEngineComputesOffline() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getVersion()).startsWith("2.7.1");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            NDArray b = manager.create(new float[] {4f, 5f, 6f});
            assertThat(a.dot(b).getFloat()).isEqualTo(32f);
        }
    }
}
