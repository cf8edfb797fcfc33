package org.amplify.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.amplify.AmplifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts the API keys of chat endpoints for storage and decrypts them for a call: AES-GCM with a
 * 256-bit key derived (PBKDF2) from the node's endpoint secret and a random salt per key, a random IV
 * per encryption (Spring Security's {@link Encryptors#delux}). The stored text is
 * {@code <salt hex>:<ciphertext hex>}.
 *
 * <p>The secret is {@code amplify.models.endpoint-secret}, or else one generated at the first use and
 * kept in {@code <data-dir>/endpoint-secret} with owner-only permissions.
 */
@Component
class EndpointKeys {

    private static final Logger log = LoggerFactory.getLogger(EndpointKeys.class);
    static final String SECRET_FILE = "endpoint-secret";

    private final String configured;
    private final Path secretFile;
    private volatile String secret;

    EndpointKeys(ModelsProperties properties, AmplifyProperties amplify) {
        this.configured = properties.endpointSecret() == null || properties.endpointSecret().isBlank() ? null
                : properties.endpointSecret();
        this.secretFile = amplify.dataDir().resolve(SECRET_FILE);
    }

    String encrypt(String key) {
        String salt = KeyGenerators.string().generateKey();
        return salt + ":" + Encryptors.delux(secret(), salt).encrypt(key);
    }

    /**
     * @throws IllegalStateException when the text cannot be decrypted (another secret, altered text)
     */
    String decrypt(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("the stored key is not in the form salt:ciphertext");
        }
        try {
            return Encryptors.delux(secret(), stored.substring(0, colon)).decrypt(stored.substring(colon + 1));
        } catch (RuntimeException e) {
            // never the key's text in the message; the cause says only that decryption failed
            throw new IllegalStateException("the stored key cannot be decrypted with this node's endpoint secret"
                    + " (amplify.models.endpoint-secret must be the same on every node)");
        }
    }

    private String secret() {
        String known = secret;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (secret == null) {
                secret = configured != null ? configured : fromFile();
            }
            return secret;
        }
    }

    private String fromFile() {
        try {
            if (Files.isRegularFile(secretFile)) {
                return Files.readString(secretFile, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(secretFile.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Path temporary = secretFile.resolveSibling(SECRET_FILE + "." + ProcessHandle.current().pid() + ".partial");
            Files.writeString(temporary, generated, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            ownerOnly(temporary);
            try {
                Files.createLink(secretFile, temporary);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temporary);
                return Files.readString(secretFile, StandardCharsets.UTF_8).trim();
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.move(temporary, secretFile);
            }
            Files.deleteIfExists(temporary);
            log.info("Generated the endpoint secret in {} (set amplify.models.endpoint-secret to share one between"
                    + " nodes)", secretFile);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the endpoint secret " + secretFile, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
