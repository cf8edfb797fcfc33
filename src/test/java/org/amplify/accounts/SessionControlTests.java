package org.amplify.accounts;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.amplify.web.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open sessions obey the admin: sessions live in PostgreSQL, a disabled user's open session is signed
 * out on its next request, a demoted admin's next request to an admin route is refused, and a password
 * reset (or a user's own change) ends the user's other sessions. Real HTTP against a running server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionControlTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountService service;

    @Autowired
    JdbcTemplate jdbc;

    private HttpBrowser browser() {
        return new HttpBrowser("http://localhost:" + port);
    }

    @Test
    void sessionsAreKeptInPostgreSQL() throws Exception {
        Account user = accounts.user("session-keeper", Role.EXPERT);
        HttpBrowser browser = browser();
        assertThat(browser.signIn(user.username(), TestAccounts.PASSWORD)).isTrue();
        assertThat(sessionsOf(user)).isEqualTo(1);
    }

    @Test
    void aDisabledUsersOpenSessionIsSignedOutOnItsNextRequest() throws Exception {
        Account user = accounts.user("soon-disabled", Role.EXPERT);
        HttpBrowser browser = browser();
        assertThat(browser.signIn(user.username(), TestAccounts.PASSWORD)).isTrue();
        assertThat(browser.get("/trees").statusCode()).isEqualTo(200);

        service.setEnabled(user.id(), false, service.get(user.id()).version());

        HttpResponse<String> next = browser.get("/trees");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(sessionsOf(user)).as("the session is gone from the database").isZero();
    }

    @Test
    void aDemotedAdminsOpenSessionIsRefusedAdminRoutesOnItsNextRequest() throws Exception {
        Account admin = accounts.user("soon-demoted", Role.ADMIN);
        HttpBrowser browser = browser();
        assertThat(browser.signIn(admin.username(), TestAccounts.PASSWORD)).isTrue();
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);

        service.changeRoles(admin.id(), Set.of("EXPERT"), service.get(admin.id()).version());

        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
        HttpResponse<String> create = browser.submit("/account", "/admin/users", Map.of("username", "made-by-demoted",
                "displayName", "x", "password", "long-enough-password", "roles", "ADMIN"));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(service.findByUsername("made-by-demoted")).isEmpty();
        assertThat(browser.get("/trees").statusCode()).as("still signed in, as an expert").isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsEverySessionOfTheUser() throws Exception {
        Account user = accounts.user("reset-everywhere", Role.EXPERT);
        HttpBrowser laptop = browser();
        HttpBrowser phone = browser();
        assertThat(laptop.signIn(user.username(), TestAccounts.PASSWORD)).isTrue();
        assertThat(phone.signIn(user.username(), TestAccounts.PASSWORD)).isTrue();

        service.resetPassword(user.id(), "a-password-from-the-admin");

        assertThat(laptop.get("/trees").statusCode()).isEqualTo(302);
        assertThat(phone.get("/trees").statusCode()).isEqualTo(302);
        assertThat(sessionsOf(user)).isZero();
        assertThat(browser().signIn(user.username(), "a-password-from-the-admin")).isTrue();
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsOnly() throws Exception {
        Account user = accounts.user("changes-own", Role.EXPERT);
        HttpBrowser here = browser();
        HttpBrowser elsewhere = browser();
        assertThat(here.signIn(user.username(), TestAccounts.PASSWORD)).isTrue();
        assertThat(elsewhere.signIn(user.username(), TestAccounts.PASSWORD)).isTrue();

        HttpResponse<String> changed = here.submit("/account", "/account/password", Map.of("currentPassword",
                TestAccounts.PASSWORD, "newPassword", "my-new-password-1", "confirmPassword", "my-new-password-1"));
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(here.get("/trees").statusCode()).as("the session it was changed in stays").isEqualTo(200);
        assertThat(elsewhere.get("/trees").statusCode()).as("the other one ends").isEqualTo(302);
        assertThat(sessionsOf(user)).isEqualTo(1);
    }

    private int sessionsOf(Account user) {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                user.username());
    }
}
