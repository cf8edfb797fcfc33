package org.amplify.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.amplify.AmplifyProperties;
import org.amplify.accounts.AccountsProperties;
import org.amplify.accounts.Passwords;
import org.amplify.accounts.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the first admin when the database has none. Its password is {@code AMPLIFY_ADMIN_PASSWORD}
 * when set; otherwise a random one, written once to {@code <data-dir>/initial-admin-password}
 * (readable by its owner only) and logged once. There is no default password anywhere.
 *
 * <p>It runs once every bean is ready (the schema migrated) and before the web server opens, so the
 * login page is never served while the admin does not exist yet.
 */
@Component
class InitialAdmin implements SmartInitializingSingleton {

    static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AccountsProperties properties;
    private final AmplifyProperties amplify;
    private final TransactionTemplate transaction;

    InitialAdmin(UserRepository users, PasswordEncoder passwordEncoder, AccountsProperties properties,
            AmplifyProperties amplify, TransactionTemplate transaction) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.amplify = amplify;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            createIfNoAdminExists();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the initial admin password", e);
        }
    }

    private void createIfNoAdminExists() throws IOException {
        if (Boolean.TRUE.equals(transaction.execute(status -> users.existsWithRole(Role.ADMIN)))) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? randomPassword() : configured;
        Passwords.check("amplify.accounts.admin-password", password);
        String username = properties.adminUsername();
        transaction.executeWithoutResult(status -> users.findByUsernameIgnoringCase(username).ifPresentOrElse(
                existing -> {
                    // a user of that name exists without the ADMIN role: do not take it over silently
                    throw new IllegalStateException("No admin exists and the user '" + username
                            + "' exists without the ADMIN role: set AMPLIFY_ADMIN_USERNAME to another name");
                },
                () -> users.save(new UserEntity(username, "Administrator", passwordEncoder.encode(password),
                        EnumSet.of(Role.ADMIN)))));
        if (generated) {
            Path file = writePasswordFile(password);
            log.warn("Created the first admin '{}' with a generated password: {} (also in {}). "
                    + "Sign in and change it on your account page.", username, password, file.toAbsolutePath());
        } else {
            log.info("Created the first admin '{}' with the password from AMPLIFY_ADMIN_PASSWORD", username);
        }
    }

    private Path writePasswordFile(String password) throws IOException {
        Path directory = amplify.dataDir();
        Files.createDirectories(directory);
        Path file = directory.resolve(PASSWORD_FILE);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, password + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
