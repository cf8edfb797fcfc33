package org.amplify.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.accounts.ApiTokenService;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}. The authentication
 * lives for this request only (no session is created); a token that does not authenticate ends the
 * request with a 401 problem, whatever the path. Wrong tokens count as failed sign-ins of their
 * address ({@link LoginThrottle}); an address over its limit gets 429 with {@code Retry-After}.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ProblemResponses problems;
    private final LoginThrottle throttle;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(ApiTokenService tokens, ProblemResponses problems, LoginThrottle throttle) {
        this.tokens = tokens;
        this.problems = problems;
        this.throttle = throttle;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> locked = throttle.lockedFor(null, request.getRemoteAddr());
        if (locked.isPresent()) {
            problems.tooManyFailures(request, response, locked.get());
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
        Optional<AccountPrincipal> principal = tokens.authenticate(token);
        if (principal.isEmpty()) {
            contexts.clearContext();
            throttle.failed(null, request.getRemoteAddr());
            problems.commence(request, response, new InvalidApiTokenException());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, principal.get().getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
