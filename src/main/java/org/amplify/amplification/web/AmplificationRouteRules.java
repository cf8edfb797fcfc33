package org.amplify.amplification.web;

import org.amplify.accounts.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The amplification module's routes: experts take suggestions in workspaces; admins see the share taken. */
@Component
class AmplificationRouteRules implements RouteRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/suggestions").hasRole("ADMIN")
                .requestMatchers("/workspaces/*/suggestions", "/workspaces/*/suggestions/*").hasRole("EXPERT");
    }
}
