package org.amplify.accounts.web;

import org.amplify.accounts.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The accounts module's routes: token management for researchers, the users API for admins. */
@Component
class AccountRouteRules implements RouteRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/account/tokens", "/account/tokens/**").hasRole("RESEARCHER")
                .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN");
    }
}
