package org.amplify.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every request mapping of the application, for anonymous, EXPERT, RESEARCHER and ADMIN, gets exactly
 * what the role matrix below allows. A route that a later change adds and this matrix does not
 * classify fails the test: new routes are covered by construction.
 *
 * <p>Allowed means the security layer lets the request through (no 401, no 403, no redirect to the
 * login page); a GET of a page without path variables must then answer 200. Refused means: anonymous
 * browser requests are redirected to the login page, anonymous API calls get 401, signed-in users
 * without the role get 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleMatrixTests {

    enum Access { PUBLIC, AUTHENTICATED, EXPERT, RESEARCHER, ADMIN }

    enum Caller { ANONYMOUS, EXPERT, RESEARCHER, ADMIN }

    /** The role matrix: "METHOD pattern" to who may call it. */
    static final Map<String, Access> MATRIX = Map.ofEntries(
            // web: home, errors
            Map.entry("GET /", Access.PUBLIC),
            Map.entry("GET /error", Access.PUBLIC),
            Map.entry("GET /error/problem", Access.PUBLIC),
            // accounts: sign-in, own account, tokens
            Map.entry("GET /login", Access.PUBLIC),
            Map.entry("GET /account", Access.AUTHENTICATED),
            Map.entry("POST /account/password", Access.AUTHENTICATED),
            Map.entry("POST /account/tokens", Access.RESEARCHER),
            Map.entry("POST /account/tokens/{id}/revoke", Access.RESEARCHER),
            // accounts: admin pages
            Map.entry("GET /admin/users", Access.ADMIN),
            Map.entry("POST /admin/users", Access.ADMIN),
            Map.entry("GET /admin/users/{id}", Access.ADMIN),
            Map.entry("POST /admin/users/{id}/roles", Access.ADMIN),
            Map.entry("POST /admin/users/{id}/enabled", Access.ADMIN),
            Map.entry("POST /admin/users/{id}/password", Access.ADMIN),
            // accounts: API
            Map.entry("GET /api/v1/me", Access.AUTHENTICATED),
            Map.entry("GET /api/v1/users", Access.ADMIN),
            Map.entry("POST /api/v1/users", Access.ADMIN),
            Map.entry("GET /api/v1/users/{id}", Access.ADMIN),
            // experiments: researchers (and admins) read, admins start and cancel
            Map.entry("GET /experiments", Access.RESEARCHER),
            Map.entry("POST /experiments", Access.ADMIN),
            Map.entry("GET /experiments/{id}", Access.RESEARCHER),
            Map.entry("GET /experiments/{id}/live", Access.RESEARCHER),
            Map.entry("GET /experiments/domains/{domain}/curves", Access.RESEARCHER),
            Map.entry("POST /experiments/{id}/cancel", Access.ADMIN),
            Map.entry("GET /api/v1/experiments", Access.RESEARCHER),
            Map.entry("POST /api/v1/experiments", Access.ADMIN),
            Map.entry("GET /api/v1/experiments/{id}", Access.RESEARCHER),
            Map.entry("GET /api/v1/experiments/{id}/points", Access.RESEARCHER),
            Map.entry("POST /api/v1/experiments/{id}/cancel", Access.ADMIN),
            Map.entry("GET /experiments/adversarial", Access.RESEARCHER),
            Map.entry("POST /experiments/adversarial", Access.ADMIN),
            Map.entry("GET /api/v1/adversarial-searches", Access.RESEARCHER),
            Map.entry("POST /api/v1/adversarial-searches", Access.ADMIN),
            Map.entry("GET /api/v1/adversarial-searches/{id}", Access.RESEARCHER),
            // models: every signed-in user sees them, admins promote (and roll back)
            Map.entry("GET /models", Access.AUTHENTICATED),
            Map.entry("POST /models/{id}/promote", Access.ADMIN),
            Map.entry("POST /models/import", Access.ADMIN),
            Map.entry("POST /api/v1/models/import", Access.ADMIN),
            Map.entry("POST /models/endpoints", Access.ADMIN),
            Map.entry("POST /api/v1/models/endpoints", Access.ADMIN),
            // questions: experts (and admins) work in trees and workspaces; researchers write nothing
            Map.entry("GET /trees", Access.EXPERT),
            Map.entry("POST /trees", Access.EXPERT),
            Map.entry("GET /trees/{id}", Access.EXPERT),
            Map.entry("POST /trees/{id}/system-prompt", Access.EXPERT),
            Map.entry("GET /workspaces/{id}", Access.EXPERT),
            Map.entry("GET /workspaces/{id}/subquestions/{subquestionId}", Access.EXPERT),
            Map.entry("GET /workspaces/{id}/stream", Access.EXPERT),
            Map.entry("GET /workspaces/{id}/history", Access.EXPERT),
            Map.entry("POST /workspaces/{id}/subquestions", Access.EXPERT),
            Map.entry("POST /workspaces/{id}/save", Access.EXPERT),
            Map.entry("POST /workspaces/{id}/submit", Access.EXPERT),
            Map.entry("POST /workspaces/{id}/unlock", Access.EXPERT),
            Map.entry("POST /workspaces/next", Access.EXPERT),
            Map.entry("POST /workspaces/{id}/skip", Access.EXPERT),
            Map.entry("POST /subquestions/{subquestionId}/feedback", Access.EXPERT),
            Map.entry("GET /queue", Access.EXPERT),
            Map.entry("POST /questions/{questionId}/resolve", Access.ADMIN),
            // amplification: experts take suggested subquestions in text workspaces; admins see the share taken
            Map.entry("GET /workspaces/{id}/suggestions", Access.EXPERT),
            Map.entry("POST /workspaces/{id}/suggestions/{suggestionId}", Access.EXPERT),
            Map.entry("GET /suggestions", Access.ADMIN),
            // distillation: rounds are for admins only, pages and API
            Map.entry("GET /rounds", Access.ADMIN),
            Map.entry("POST /rounds", Access.ADMIN),
            Map.entry("GET /rounds/{id}", Access.ADMIN),
            Map.entry("GET /rounds/{id}/progress", Access.ADMIN),
            Map.entry("POST /rounds/{id}/cancel", Access.ADMIN),
            Map.entry("GET /api/v1/rounds", Access.ADMIN),
            Map.entry("POST /api/v1/rounds", Access.ADMIN),
            Map.entry("GET /api/v1/rounds/{id}", Access.ADMIN),
            Map.entry("POST /api/v1/rounds/{id}/cancel", Access.ADMIN),
            // datasets: researchers' page and read-only exports, and the model registry over the API
            Map.entry("GET /api/v1/snapshots", Access.RESEARCHER),
            Map.entry("GET /api/v1/snapshots/{id}", Access.RESEARCHER),
            Map.entry("GET /api/v1/snapshots/{id}/transcripts", Access.RESEARCHER),
            Map.entry("GET /api/v1/snapshots/{id}/subquestions", Access.RESEARCHER),
            Map.entry("GET /datasets", Access.RESEARCHER),
            Map.entry("GET /api/v1/transcripts", Access.RESEARCHER),
            Map.entry("GET /api/v1/feedback", Access.RESEARCHER),
            Map.entry("GET /api/v1/models", Access.RESEARCHER),
            Map.entry("GET /api/v1/models/{id}", Access.RESEARCHER),
            // the API's OpenAPI document and Swagger UI: public (they describe the API, not its data)
            Map.entry("GET /v3/api-docs", Access.PUBLIC),
            Map.entry("GET /v3/api-docs.yaml", Access.PUBLIC),
            Map.entry("GET /v3/api-docs/swagger-config", Access.PUBLIC),
            Map.entry("GET /swagger-ui", Access.PUBLIC),
            // actuator: health is public, the rest is for admins
            Map.entry("GET /actuator", Access.ADMIN),
            Map.entry("GET /actuator/health", Access.PUBLIC),
            Map.entry("GET /actuator/health/**", Access.PUBLIC),
            Map.entry("GET /actuator/info", Access.ADMIN),
            Map.entry("GET /actuator/metrics", Access.ADMIN),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", Access.ADMIN),
            Map.entry("GET /actuator/flyway", Access.ADMIN));

    /** Plain pages that answer with a redirect to their real address (never to the login page). */
    static final Set<String> REDIRECTS = Set.of("GET /swagger-ui");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Test
    void everyRouteIsClassified() {
        Set<String> routes = routes();
        Set<String> unclassified = new TreeSet<>(routes);
        unclassified.removeAll(MATRIX.keySet());
        assertThat(unclassified).as("routes missing from the role matrix: classify them").isEmpty();
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(routes);
        assertThat(stale).as("matrix entries for routes that no longer exist").isEmpty();
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixAllows() throws Exception {
        Map<Caller, Account> users = Map.of(Caller.EXPERT, accounts.expert(), Caller.RESEARCHER,
                accounts.researcher(), Caller.ADMIN, accounts.admin());
        List<String> violations = new ArrayList<>();
        for (String route : routes()) {
            Access access = MATRIX.get(route);
            if (access == null) {
                continue; // reported by everyRouteIsClassified
            }
            for (Caller caller : Caller.values()) {
                MockHttpServletResponse response = mvc.perform(requestFor(route, caller, users.get(caller)))
                        .andReturn().getResponse();
                String problem = judge(route, access, caller, response);
                if (problem != null) {
                    violations.add(caller + " " + route + " (" + access + "): " + problem);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add("GET " + pattern);
                    } else {
                        methods.forEach(method -> routes.add(method.name() + " " + pattern));
                    }
                }
            }
        }
        return routes;
    }

    private MockHttpServletRequestBuilder requestFor(String route, Caller caller, Account account) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1").replace("**", "x");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
        if (!method.equals("GET")) {
            request.with(csrf());
        }
        if (caller == Caller.ANONYMOUS) {
            return request;
        }
        if (isApi(route)) {
            return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accounts.token(account));
        }
        return request.with(user(accounts.principal(account)));
    }

    private static boolean isApi(String route) {
        return route.contains(" /api/");
    }

    private static boolean allows(Access access, Caller caller) {
        return switch (access) {
            case PUBLIC -> true;
            case AUTHENTICATED -> caller != Caller.ANONYMOUS;
            case EXPERT -> caller == Caller.EXPERT || caller == Caller.ADMIN;
            case RESEARCHER -> caller == Caller.RESEARCHER || caller == Caller.ADMIN;
            case ADMIN -> caller == Caller.ADMIN;
        };
    }

    /** Null when the response is what the matrix says, else what is wrong with it. */
    private static String judge(String route, Access access, Caller caller, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getHeader(HttpHeaders.LOCATION);
        boolean toLogin = status / 100 == 3 && location != null && location.endsWith("/login");
        if (allows(access, caller)) {
            if (status == 401 || status == 403 || toLogin) {
                return "refused with " + status + " but should be allowed";
            }
            boolean plainPage = route.startsWith("GET ") && !route.contains("{") && !route.contains("**")
                    && !route.startsWith("GET /error");
            if (plainPage && status != 200 && !(REDIRECTS.contains(route) && status / 100 == 3)) {
                return "answered " + status + " instead of 200";
            }
            return null;
        }
        if (caller == Caller.ANONYMOUS) {
            if (isApi(route)) {
                return status == 401 ? null : "answered " + status + " instead of 401";
            }
            return toLogin ? null : "answered " + status + " instead of a redirect to the login page";
        }
        return status == 403 ? null : "answered " + status + " instead of 403";
    }
}
