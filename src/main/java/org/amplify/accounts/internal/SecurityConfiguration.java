package org.amplify.accounts.internal;

import java.util.List;
import org.amplify.accounts.AccountService;
import org.amplify.accounts.ApiTokenService;
import org.amplify.accounts.RouteRules;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may reach what. Pages under {@code /admin/**} and the actuator (but its health) are for
 * admins; the rest needs a signed-in user unless public, and finer rules sit on the controllers as
 * {@code @PreAuthorize}. An ADMIN holds every other role (role hierarchy).
 *
 * <p>People sign in with a form and a session; scripts send a bearer API token under
 * {@code /api/**}. An anonymous browser is sent to the login page; an anonymous API call gets a 401
 * problem. CSRF protects every form; a request with a bearer token needs no CSRF token, since a
 * browser never adds that header by itself.
 *
 * <p>Sessions live in PostgreSQL (Spring Session JDBC); each request of a session reads its account
 * afresh ({@link FreshAccountFilter}), and sign-ins are throttled per user name and address
 * ({@link LoginThrottleFilter}, {@link SignInAudit}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {"/", "/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**",
        "/webjars/**", "/favicon.ico"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems,
            List<RouteRules> moduleRules, AccountService accounts, LoginThrottle throttle) throws Exception {
        RequestMatcher api = pathPattern("/api/**");
        RequestMatcher bearer = ApiTokenAuthenticationFilter::hasBearerToken;
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                            .requestMatchers(PUBLIC_PAGES).permitAll()
                            .requestMatchers("/admin/**").hasRole("ADMIN");
                    moduleRules.forEach(rules -> rules.configure(requests));
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems, throttle),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new FreshAccountFilter(accounts), SecurityContextHolderFilter.class)
                .requestCache(cache -> cache.requestCache(new ApiAwareRequestCache(api)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true));
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("EXPERT", "RESEARCHER")
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
