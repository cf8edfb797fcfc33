package org.amplify.experiments.web;

import org.amplify.accounts.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The experiments module's routes: researchers (and admins) read; only admins start and cancel. */
@Component
class ExperimentRouteRules implements RouteRules {

    private static final String[] ROUTES = {"/experiments", "/experiments/**", "/api/v1/experiments",
        "/api/v1/experiments/**", "/api/v1/adversarial-searches", "/api/v1/adversarial-searches/**"};

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, ROUTES).hasRole("RESEARCHER")
                .requestMatchers(ROUTES).hasRole("ADMIN");
    }
}
