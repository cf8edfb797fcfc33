package org.amplify.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A researcher in a real Chromium creates an API token, sees it once, a script uses it, then it is revoked. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResearcherBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void aResearcherCreatesUsesAndRevokesAToken() throws Exception {
        accounts.user("browser-researcher", Role.RESEARCHER);
        try (Browser browser = new Browser(port)) {
            browser.signIn("browser-researcher", TestAccounts.PASSWORD);
            browser.open("/account").type("#name", "analysis notebook").click("form[action='/account/tokens'] button");
            browser.waitForText("shown only this once");
            String token = browser.textOf("#issued-token").trim();
            assertThat(token).startsWith("amp_");
            browser.screenshot("account-token-issued");

            assertThat(me(token).statusCode()).isEqualTo(200);
            assertThat(me(token).body()).contains("\"username\":\"browser-researcher\"");

            browser.open("/account");
            assertThat(browser.text()).doesNotContain(token).contains("analysis notebook");
            browser.click("form[action$='/revoke'] button").waitForText("The token was revoked");
            assertThat(me(token).statusCode()).isEqualTo(401);
            browser.screenshot("account-token-revoked");
        }
    }

    private HttpResponse<String> me(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/me")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
