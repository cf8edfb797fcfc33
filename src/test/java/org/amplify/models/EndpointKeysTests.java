package org.amplify.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.amplify.AmplifyProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encryption of stored endpoint keys: AES-GCM under the configured secret, or under a secret
 * generated once into {@code <data-dir>/endpoint-secret} (owner-only) and reused; another secret
 * cannot decrypt, and says so without the key.
 */
class EndpointKeysTests {

    static final String KEY = "sk-keys-3a9f0e7c1d2b";

    @TempDir
    Path dataDir;

    private EndpointKeys keys(String secret) {
        return new EndpointKeys(new ModelsProperties(secret), new AmplifyProperties(dataDir));
    }

    @Test
    void aKeyIsEncryptedDifferentlyEachTimeAndDecryptsBack() {
        EndpointKeys keys = keys("a shared secret of the nodes");
        String first = keys.encrypt(KEY);
        String second = keys.encrypt(KEY);
        assertThat(first).doesNotContain(KEY).isNotEqualTo(second);
        assertThat(keys.decrypt(first)).isEqualTo(KEY);
        assertThat(keys("a shared secret of the nodes").decrypt(second)).isEqualTo(KEY);
        assertThat(Files.exists(dataDir.resolve(EndpointKeys.SECRET_FILE))).isFalse();
    }

    @Test
    void anotherSecretCannotDecryptAndTheMessageHoldsNoKey() {
        String stored = keys("secret one").encrypt(KEY);
        assertThatThrownBy(() -> keys("secret two").decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint secret").message().doesNotContain(KEY);
        String altered = stored.substring(0, stored.length() - 2) + (stored.endsWith("00") ? "11" : "00");
        assertThatThrownBy(() -> keys("secret one").decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutASecretOneIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        String stored = keys(null).encrypt(KEY);
        Path file = dataDir.resolve(EndpointKeys.SECRET_FILE);
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file).trim()).hasSize(64).doesNotContain(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(keys("  ").decrypt(stored)).isEqualTo(KEY); // blank counts as unset: the same file
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(EndpointKeys.SECRET_FILE);
        }
    }
}
