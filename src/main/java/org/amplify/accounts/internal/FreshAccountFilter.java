package org.amplify.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.amplify.accounts.Account;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.accounts.AccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a signed-in user's account afresh on every request of their session (one look-up by primary
 * key), so that what an admin changed applies to the very next request: a user disabled or deleted
 * meanwhile is signed out, and changed roles replace the ones the session held (a demoted admin gets
 * 403 on admin routes, not the old rights). Requests with an API token are read afresh already.
 */
class FreshAccountFilter extends OncePerRequestFilter {

    private final AccountService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    FreshAccountFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/img/") || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof AccountPrincipal held) {
            Optional<Account> now = accounts.find(held.id());
            if (now.isEmpty() || !now.get().enabled()) {
                holder.clearContext();
                session.invalidate();
            } else if (!now.get().roles().equals(held.roles())
                    || !now.get().displayName().equals(held.displayName())
                    || !now.get().username().equals(held.getUsername())) {
                AccountPrincipal fresh = new AccountPrincipal(now.get(), null);
                UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(
                        fresh, null, fresh.getAuthorities());
                replaced.setDetails(authentication.getDetails());
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(replaced);
                holder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
