package org.amplify.accounts;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Users of the tests, one per role, made once per Spring context through the real services, with an
 * API token each.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "test-password-123";

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final UserDetailsService userDetails;
    private final Map<String, String> tokenByUser = new ConcurrentHashMap<>();

    TestAccounts(AccountService accounts, ApiTokenService tokens, UserDetailsService userDetails) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.userDetails = userDetails;
    }

    /** The user of this name with exactly these roles, created on first use. */
    public synchronized Account user(String username, Role... roles) {
        return accounts.findByUsername(username).orElseGet(() -> accounts.create(new NewAccount(username, username,
                PASSWORD, Set.of(roles).stream().map(Role::name).collect(java.util.stream.Collectors.toSet()))));
    }

    public Account expert() {
        return user("test-expert", Role.EXPERT);
    }

    public Account researcher() {
        return user("test-researcher", Role.RESEARCHER);
    }

    public Account admin() {
        return user("test-admin", Role.ADMIN);
    }

    /** What Spring Security holds for a signed-in user: to pass to MockMvc's {@code user(...)}. */
    public AccountPrincipal principal(Account account) {
        return (AccountPrincipal) userDetails.loadUserByUsername(account.username());
    }

    /**
     * A valid API token of the user: created once, and again if a test revoked it meanwhile (the role
     * matrix test revokes a token of its callers, and test classes share a context in any order).
     */
    public synchronized String token(Account account) {
        String token = tokenByUser.get(account.username());
        if (token == null || tokens.authenticate(token).isEmpty()) {
            token = tokens.issue(account.id(), "test token").plainText();
            tokenByUser.put(account.username(), token);
        }
        return token;
    }
}
