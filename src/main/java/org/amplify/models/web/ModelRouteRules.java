package org.amplify.models.web;

import org.amplify.accounts.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The models module's routes: every signed-in user sees the models; only admins promote, roll back and
 * import models and register chat endpoints, on the pages and over the API.
 */
@Component
class ModelRouteRules implements RouteRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/models").authenticated()
                .requestMatchers("/models", "/models/**", "/api/v1/models/import", "/api/v1/models/endpoints")
                .hasRole("ADMIN");
    }
}
