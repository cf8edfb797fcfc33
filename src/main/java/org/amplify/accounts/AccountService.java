package org.amplify.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amplify.accounts.internal.UserEntity;
import org.amplify.accounts.internal.UserRepository;
import org.amplify.accounts.internal.UserSessions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Users and their roles: the accounts module's facade. Every change that could lock the last admin
 * out (removing its role, disabling it) is refused with a reason.
 */
@Service
public class AccountService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final UserSessions sessions;

    AccountService(UserRepository users, PasswordEncoder passwordEncoder, UserSessions sessions) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        return users.findAllByOrderByUsernameAsc().stream().map(UserEntity::toAccount).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return users.findById(id).map(UserEntity::toAccount);
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return find(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return users.findByUsernameIgnoringCase(username).map(UserEntity::toAccount);
    }

    /**
     * @throws AccountRejectedException for a taken user name, an unknown role or a password that
     *     breaks the rules
     */
    @Transactional
    public Account create(NewAccount request) {
        Set<Role> roles = Role.parseAll(request.roles());
        if (roles.isEmpty()) {
            throw new AccountRejectedException("roles", "choose at least one role");
        }
        Passwords.check("password", request.password());
        String username = request.username().trim();
        if (users.findByUsernameIgnoringCase(username).isPresent()) {
            throw usernameTaken(username);
        }
        String displayName = StringUtils.hasText(request.displayName()) ? request.displayName().trim() : username;
        try {
            UserEntity saved = users.saveAndFlush(
                    new UserEntity(username, displayName, passwordEncoder.encode(request.password()), roles));
            return saved.toAccount();
        } catch (DataIntegrityViolationException raceWithAnotherCreate) {
            throw usernameTaken(username);
        }
    }

    /**
     * Replaces a user's roles. The user's open sessions stay signed in and get the new roles on their
     * next request (a demoted admin is refused admin routes at once).
     *
     * @param expectedVersion the version the admin saw; a newer one means someone else edited the
     *     user meanwhile and the change is refused rather than silently overwriting theirs
     */
    @Transactional
    public Account changeRoles(long id, Set<String> roleNames, long expectedVersion) {
        UserEntity user = load(id);
        checkVersion(user, expectedVersion);
        Set<Role> roles = Role.parseAll(roleNames);
        if (roles.isEmpty()) {
            throw new AccountRejectedException("roles", "choose at least one role");
        }
        if (user.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && user.isEnabled()
                && users.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new AccountRejectedException("roles", "this is the last enabled admin: keep the ADMIN role");
        }
        user.setRoles(roles);
        return users.saveAndFlush(user).toAccount();
    }

    @Transactional
    public Account setEnabled(long id, boolean enabled, long expectedVersion) {
        UserEntity user = load(id);
        checkVersion(user, expectedVersion);
        if (!enabled && user.isEnabled() && user.getRoles().contains(Role.ADMIN)
                && users.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new AccountRejectedException("enabled", "this is the last enabled admin: it cannot be disabled");
        }
        user.setEnabled(enabled);
        if (!enabled) {
            sessions.endAll(user.getUsername(), "the account was disabled");
        }
        return users.saveAndFlush(user).toAccount();
    }

    /** An admin sets a new password for a user (who forgot theirs); every session of the user ends. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        Passwords.check("password", newPassword);
        UserEntity user = load(id);
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        sessions.endAll(user.getUsername(), "an admin reset the password");
    }

    /**
     * A user changes their own password, proving they know the current one; every other session of
     * the user ends (one signed in with the old password elsewhere, say), the one they act in stays.
     *
     * @param ownSessionId the session the user acts in, kept; null to end them all
     */
    @Transactional
    public void changeOwnPassword(long id, String currentPassword, String newPassword, String ownSessionId) {
        UserEntity user = load(id);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new AccountRejectedException("currentPassword", "is not your current password");
        }
        Passwords.check("newPassword", newPassword);
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        sessions.endAllBut(user.getUsername(), ownSessionId, "the user changed their password");
    }

    private UserEntity load(long id) {
        return users.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    private static void checkVersion(UserEntity user, long expectedVersion) {
        if (user.getVersion() != expectedVersion) {
            throw new AccountChangedMeanwhileException(user.toAccount());
        }
    }

    private static AccountRejectedException usernameTaken(String username) {
        return new AccountRejectedException("username", "'" + username + "' is already taken");
    }
}
