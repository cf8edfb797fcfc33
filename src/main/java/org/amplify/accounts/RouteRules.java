package org.amplify.accounts;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL rules, applied by the application's security configuration before its catch-all
 * "signed in" rule. A rule on the URL refuses a request before its body is read or validated, so a
 * caller without the role always gets 403, never a 400 about input they may not send at all. Each
 * module declares a bean of this type for its own routes; {@code @PreAuthorize} on the controllers
 * stays as a second line.
 */
@FunctionalInterface
public interface RouteRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);
}
