package org.amplify.datasets.web;

import org.amplify.accounts.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The datasets page and API are for researchers (and admins, who hold every role): read-only exports.
 */
@Component
class DatasetRouteRules implements RouteRules {

    static final String[] ROUTES = {"/datasets", "/api/v1/snapshots", "/api/v1/snapshots/**", "/api/v1/transcripts",
        "/api/v1/feedback", "/api/v1/models", "/api/v1/models/*"};

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        // GET only: POST /api/v1/models/import belongs to the models module (admins)
        routes.requestMatchers(HttpMethod.GET, ROUTES).hasRole("RESEARCHER");
    }
}
