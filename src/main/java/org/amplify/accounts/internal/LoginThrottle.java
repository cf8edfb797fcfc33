package org.amplify.accounts.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.amplify.accounts.AccountsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per address in PostgreSQL ({@code login_failures}), so
 * that every node of the app refuses the same attempts. A key reaching its limit within the window
 * is locked for the lockout; {@link #lockedFor} is asked before a sign-in is even tried, so a locked
 * user name is refused with the right password too. The database's clock decides, not a node's.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final AccountsProperties.Login limits;

    LoginThrottle(JdbcTemplate jdbc, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.login();
    }

    /** How long sign-ins for this user name or from this address are still refused, if they are. */
    Optional<Duration> lockedFor(String username, String address) {
        Double seconds = jdbc.queryForObject("""
                SELECT EXTRACT(EPOCH FROM max(locked_until) - now())::float8 FROM login_failures
                WHERE throttle_key IN (?, ?) AND locked_until > now()""", Double.class,
                userKey(username), addressKey(address));
        return seconds == null ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }

    /** Counts a failed sign-in (or a wrong API token, with no user name) and locks a key at its limit. */
    void failed(String username, String address) {
        if (username != null) {
            count(userKey(username), limits.maxFailuresPerUser());
        }
        count(addressKey(address), limits.maxFailuresPerAddress());
    }

    /** A successful sign-in forgets the failures of its user name and its address. */
    void succeeded(String username, String address) {
        jdbc.update("DELETE FROM login_failures WHERE throttle_key IN (?, ?)", userKey(username), addressKey(address));
    }

    private void count(String key, int limit) {
        double window = limits.window().toMillis() / 1000.0;
        Integer failures = jdbc.queryForObject("""
                INSERT INTO login_failures AS f (throttle_key, failures, window_start) VALUES (?, 1, now())
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN f.window_start <= now() - make_interval(secs => ?) THEN 1 ELSE f.failures + 1 END,
                    window_start = CASE WHEN f.window_start <= now() - make_interval(secs => ?) THEN now()
                                        ELSE f.window_start END
                RETURNING failures""", Integer.class, key, window, window);
        if (failures != null && failures >= limit) {
            jdbc.update("""
                    UPDATE login_failures SET locked_until = now() + make_interval(secs => ?), failures = 0,
                        window_start = now()
                    WHERE throttle_key = ?""", limits.lockout().toMillis() / 1000.0, key);
        }
        // what no window or lockout needs any more
        jdbc.update("""
                DELETE FROM login_failures WHERE window_start < now() - make_interval(secs => ?)
                    AND (locked_until IS NULL OR locked_until < now())""",
                Math.max(window, limits.lockout().toMillis() / 1000.0) + 3600);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
