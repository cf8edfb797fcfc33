package org.amplify.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.amplify.web.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins are throttled: after five wrong passwords for a user name in the window the next attempt is
 * refused with a message, even with the right password, until the lockout has passed; wrong API
 * tokens from one address end in 429 with {@code Retry-After}. (Short limits here; the defaults are a
 * minute.) The same limits across two nodes are part of {@code TwoNodesIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "amplify.accounts.login.max-failures-per-user=5", "amplify.accounts.login.max-failures-per-address=12",
        "amplify.accounts.login.window=1m", "amplify.accounts.login.lockout=3s"})
class LoginThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private HttpBrowser browser() {
        return new HttpBrowser("http://localhost:" + port);
    }

    @Test
    void theSixthWrongPasswordLocksTheUserNameEvenForTheRightPasswordUntilTheLockoutEnds() throws Exception {
        Account user = accounts.user("guessed-at", Role.EXPERT);
        HttpBrowser attacker = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signInAndGetLocation(user.username(), "wrong-" + i)).endsWith("/login?error");
        }
        HttpBrowser owner = browser();
        String refused = owner.signInAndGetLocation(user.username(), TestAccounts.PASSWORD);
        assertThat(refused).as("the right password, while locked").contains("/login?locked=");
        assertThat(owner.page(refused.substring(refused.indexOf("/login"))))
                .contains("Too many failed sign-ins for this user name or from this address");

        Thread.sleep(3_500);
        assertThat(owner.signIn(user.username(), TestAccounts.PASSWORD)).as("after the lockout").isTrue();
        assertThat(owner.get("/trees").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessResetsTheCount() throws Exception {
        Account user = accounts.user("forgets-sometimes", Role.EXPERT);
        HttpBrowser browser = browser();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(browser.signInAndGetLocation(user.username(), "wrong-" + i)).endsWith("/login?error");
            }
            assertThat(browser().signIn(user.username(), TestAccounts.PASSWORD)).as("round %d", round).isTrue();
        }
    }

    @Test
    void wrongApiTokensFromOneAddressEndIn429WithRetryAfter() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest wrong = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer not-a-token").build();
        int unauthorized = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 14; i++) {
            last = http.send(wrong, HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == 401) {
                unauthorized++;
            }
        }
        assertThat(unauthorized).isEqualTo(12);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).get().satisfies(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3));
        assertThat(last.body()).contains("Too many failed sign-ins or wrong API tokens");
        Thread.sleep(3_500);
        String token = accounts.token(accounts.researcher());
        HttpResponse<String> right = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/me")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(200);
    }
}
