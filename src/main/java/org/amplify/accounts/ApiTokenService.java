package org.amplify.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.amplify.accounts.internal.ApiTokenEntity;
import org.amplify.accounts.internal.ApiTokenRepository;
import org.amplify.accounts.internal.UserEntity;
import org.amplify.accounts.internal.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named bearer tokens for scripts. A token is 256 random bits; only its SHA-256 is stored (a hash
 * of a random secret needs no salt or slow hash: it cannot be guessed from a dictionary).
 */
@Service
public class ApiTokenService {

    /** Prefix of every token, so that a leaked one is recognisable in logs and secret scanners. */
    public static final String PREFIX = "amp_";

    public static final int MAX_NAME_LENGTH = 100;

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Transactional
    public IssuedApiToken issue(long userId, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new AccountRejectedException("name", "is required");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new AccountRejectedException("name", "must be at most " + MAX_NAME_LENGTH + " characters long");
        }
        UserEntity user = users.findById(userId).orElseThrow(() -> new AccountNotFoundException(userId));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plainText = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiTokenEntity saved = tokens.save(new ApiTokenEntity(user.getId(), trimmed, sha256(plainText)));
        return new IssuedApiToken(saved.toApiToken(), plainText);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokensOf(long userId) {
        return tokens.findAllByUserIdOrderByCreatedAtDesc(userId).stream().map(ApiTokenEntity::toApiToken).toList();
    }

    /** Revokes one of the user's own tokens; someone else's token id is treated as unknown. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        ApiTokenEntity token = tokens.findById(tokenId).filter(t -> t.getUserId() == userId)
                .orElseThrow(() -> new ApiTokenNotFoundException(tokenId));
        token.revoke();
    }

    /**
     * The account behind a presented token, if the token is known, not revoked and its user
     * enabled.
     */
    @Transactional
    public Optional<AccountPrincipal> authenticate(String plainText) {
        if (plainText == null || !plainText.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiTokenEntity> found = tokens.findByTokenHash(sha256(plainText)).filter(t -> !t.isRevoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenEntity token = found.get();
        Optional<UserEntity> user = users.findById(token.getUserId()).filter(UserEntity::isEnabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            tokens.markUsed(token.getId(), now);
        }
        AccountPrincipal principal = new AccountPrincipal(user.get().toAccount(), null);
        return Optional.of(principal);
    }

    static String sha256(String plainText) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(plainText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
