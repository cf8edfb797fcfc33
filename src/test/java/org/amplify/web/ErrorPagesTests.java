package org.amplify.web;

import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors as a person and as a script see them, through the real servlet container (which is what
 * forwards to the error page): friendly pages without stack traces, problem details on the API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anUnknownPageIsAFriendly404() throws Exception {
        HttpResponse<String> response = get("/no/such/page", "text/html", sessionOf("test-expert"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(response.body()).contains("Not found", "Home").doesNotContain("Exception", "at org.");
    }

    @Test
    void aForbiddenPageIsAFriendly403() throws Exception {
        accounts.expert();
        HttpResponse<String> response = get("/admin/users", "text/html", sessionOf("test-expert"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Not allowed").doesNotContain("Exception");
    }

    @Test
    void anAnonymousPageRequestIsSentToTheLoginPage() throws Exception {
        for (String path : new String[] {"/account", "/no/such/page"}) {
            HttpResponse<String> response = get(path, "text/html", null);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
        }
    }

    @Test
    void apiErrorsAreProblemDetails() throws Exception {
        HttpResponse<String> missing = get("/api/v1/no-such-thing", "text/html", accounts.token(accounts.researcher()));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).get().asString()
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(missing.body()).contains("\"status\":404", "\"instance\":\"/api/v1/no-such-thing\"");

        HttpResponse<String> unknownUser = get("/api/v1/users/999999", "application/json",
                accounts.token(accounts.admin()));
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(unknownUser.body()).contains("No user with id 999999");

        HttpResponse<String> forbidden = get("/api/v1/users", "application/json", accounts.token(accounts.expert()));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"status\":403");
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "application/json", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"db\"");
    }

    @Test
    void staticAssetsComeFromTheJarNotACdn() throws Exception {
        HttpResponse<String> css = get("/css/app.css", "text/css", null);
        assertThat(css.statusCode()).isEqualTo(200);
        HttpResponse<String> login = get("/login", "text/html", null);
        assertThat(login.body()).contains("/css/app.css").doesNotContain("cdn.", "unpkg", "googleapis");
    }

    /** Signs in through the login form like a browser; returns the session cookie. */
    private String sessionOf(String username) throws Exception {
        accounts.expert();
        HttpResponse<String> page = get("/login", "text/html", null);
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + TestAccounts.PASSWORD + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return "Cookie:" + login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private HttpResponse<String> get(String path, String accept, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept);
        if (credentials != null && credentials.startsWith("Cookie:")) {
            request.header("Cookie", credentials.substring("Cookie:".length()));
        } else if (credentials != null) {
            request.header("Authorization", "Bearer " + credentials);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
