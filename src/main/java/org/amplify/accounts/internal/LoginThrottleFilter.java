package org.amplify.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Refuses a sign-in, before the password is even checked, while its user name or address is locked
 * by {@link LoginThrottle}: the browser goes back to the login page, which says for how long.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final RequestMatcher signIn = pathPattern(HttpMethod.POST, "/login");
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signIn.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isPresent()) {
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            log.warn("Sign-in refused for user '{}' from {}: too many failed sign-ins, locked for {} s more",
                    username, request.getRemoteAddr(), seconds);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.sendRedirect(request.getContextPath() + "/login?locked=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
