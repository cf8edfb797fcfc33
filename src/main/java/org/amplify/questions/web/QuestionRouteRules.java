package org.amplify.questions.web;

import org.amplify.accounts.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The questions module's routes: experts (and admins) work in trees and workspaces; admins see the queue and resolve. */
@Component
class QuestionRouteRules implements RouteRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/questions/*/resolve").hasRole("ADMIN")
                .requestMatchers("/queue").hasRole("EXPERT")
                .requestMatchers(HttpMethod.GET, "/trees", "/trees/**", "/workspaces/**").hasRole("EXPERT")
                .requestMatchers("/trees", "/trees/**", "/workspaces", "/workspaces/**", "/subquestions/**")
                .hasRole("EXPERT");
    }
}
