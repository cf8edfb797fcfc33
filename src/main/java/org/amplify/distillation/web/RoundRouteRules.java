package org.amplify.distillation.web;

import org.amplify.accounts.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Rounds are for admins only: pages and API. */
@Component
class RoundRouteRules implements RouteRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/rounds", "/rounds/**", "/api/v1/rounds", "/api/v1/rounds/**").hasRole("ADMIN");
    }
}
