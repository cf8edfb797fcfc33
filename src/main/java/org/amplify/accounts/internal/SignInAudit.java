package org.amplify.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs every form sign-in, failed or not, with its user name and address (never a password), and
 * feeds {@link LoginThrottle}: a failure counts, a success resets.
 */
@Component
class SignInAudit {

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final LoginThrottle throttle;

    SignInAudit(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String address = address(attempt);
        log.warn("Failed sign-in for user '{}' from {}: {}", attempt.getName(), address,
                event.getException().getClass().getSimpleName());
        throttle.failed(attempt.getName(), address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication signedIn = event.getAuthentication();
        if (!(signedIn instanceof UsernamePasswordAuthenticationToken)
                || !(signedIn.getDetails() instanceof WebAuthenticationDetails)) {
            return; // an API token or a test's own authentication: no sign-in form involved
        }
        String address = address(signedIn);
        log.info("Signed in: user '{}' from {}", signedIn.getName(), address);
        throttle.succeeded(signedIn.getName(), address);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
    }
}
