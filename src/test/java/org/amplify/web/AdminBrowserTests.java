package org.amplify.web;

import org.amplify.accounts.AccountService;
import org.amplify.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin in a real Chromium: signs in, makes a mistake in the new-user form, creates a user, disables it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void anAdminManagesUsersInTheBrowser() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "admin-password-of-the-tests");
            assertThat(browser.text()).contains("What you can do", "Manage users");
            browser.screenshot("home-admin");

            browser.click("a[href='/admin/users']").waitForText("New user");
            browser.type("#username", "browser-expert").type("#password", "short")
                    .click("#password ~ button[type=submit], form[action='/admin/users'] button[type=submit]");
            browser.waitForText("must be 10 to 72 characters long");
            assertThat(browser.attribute("#password", "class")).contains("invalid");
            browser.screenshot("users-field-error");

            browser.type("#password", "a-long-enough-password").click("form[action='/admin/users'] button[type=submit]");
            browser.waitForText("User browser-expert was created");
            assertThat(browser.textOf("#users")).contains("browser-expert", "Expert");
            browser.screenshot("users");

            long id = accounts.findByUsername("browser-expert").orElseThrow().id();
            browser.click("a[href='/admin/users/" + id + "']").waitForText("Reset password");
            browser.click("#enabled-form button[type=submit]").waitForText("is disabled");
            assertThat(accounts.get(id).enabled()).isFalse();
            assertThat(accounts.get(id).roles()).containsExactly(Role.EXPERT);
            browser.screenshot("user-disabled");

            browser.click("header form button[type=submit]").waitForText("You have signed out");
        }
    }

    @Test
    void aDisabledUserIsToldTheSignInFailed() {
        try (Browser browser = new Browser(port)) {
            browser.open("/login").type("#username", "nobody-here").type("#password", "whatever-password")
                    .click("form button[type=submit]");
            browser.waitForText("Wrong user name or password");
            assertThat(browser.path()).isEqualTo("/login?error");
            browser.screenshot("login-error");
        }
    }
}
