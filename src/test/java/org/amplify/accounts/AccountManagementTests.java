package org.amplify.accounts;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What an admin does to users, and what a user does to their own account, with its guard rails. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountManagementTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountService service;

    @Test
    void theFirstAdminComesFromConfigurationAndCanSignIn() throws Exception {
        assertThat(service.findByUsername("admin")).get().extracting(Account::roles).isEqualTo(Set.of(Role.ADMIN));
        mvc.perform(formLogin("/login").user("admin").password("admin-password-of-the-tests"))
                .andExpect(authenticated().withUsername("admin"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("admin").password("wrong-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() throws Exception {
        Account user = accounts.user("on-and-off", Role.EXPERT);
        mvc.perform(post("/admin/users/" + user.id() + "/enabled").with(csrf())
                        .with(user(accounts.principal(accounts.admin())))
                        .param("enabled", "false").param("version", Long.toString(user.version())))
                .andExpect(redirectedUrl("/admin/users/" + user.id()));
        mvc.perform(formLogin("/login").user("on-and-off").password(TestAccounts.PASSWORD))
                .andExpect(unauthenticated());

        Account disabled = service.get(user.id());
        service.setEnabled(user.id(), true, disabled.version());
        mvc.perform(formLogin("/login").user("on-and-off").password(TestAccounts.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrLoseTheRole() {
        // the tests' users may include other admins: take every admin but one out of the picture
        Account keeper = accounts.user("last-admin-keeper", Role.ADMIN);
        service.list().stream().filter(a -> a.roles().contains(Role.ADMIN) && a.id() != keeper.id() && a.enabled())
                .forEach(a -> service.changeRoles(a.id(), Set.of("EXPERT"), a.version()));
        try {
            assertThatThrownBy(() -> service.setEnabled(keeper.id(), false, service.get(keeper.id()).version()))
                    .isInstanceOf(AccountRejectedException.class).hasMessageContaining("last enabled admin");
            assertThatThrownBy(() -> service.changeRoles(keeper.id(), Set.of("EXPERT"),
                    service.get(keeper.id()).version()))
                    .isInstanceOf(AccountRejectedException.class).hasMessageContaining("keep the ADMIN role");
        } finally {
            service.list().stream().filter(a -> a.username().equals("admin") || a.username().equals("test-admin"))
                    .forEach(a -> service.changeRoles(a.id(), Set.of("ADMIN"), a.version()));
        }
    }

    @Test
    void anEditMadeOnAnOldVersionIsRefusedWithTheCurrentStateShown() throws Exception {
        Account user = accounts.user("edited-twice", Role.EXPERT);
        long seenByBoth = user.version();
        service.changeRoles(user.id(), Set.of("EXPERT", "RESEARCHER"), seenByBoth); // the first admin saves

        mvc.perform(post("/admin/users/" + user.id() + "/roles").with(csrf())
                        .with(user(accounts.principal(accounts.admin())))
                        .param("roles", "ADMIN").param("version", Long.toString(seenByBoth)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("was changed by someone else meanwhile")));
        assertThat(service.get(user.id()).roles()).containsExactlyInAnyOrder(Role.EXPERT, Role.RESEARCHER);
    }

    @Test
    void anAdminResetsAPasswordAndTheUserSignsInWithIt() throws Exception {
        Account user = accounts.user("forgetful", Role.EXPERT);
        mvc.perform(post("/admin/users/" + user.id() + "/password").with(csrf())
                        .with(user(accounts.principal(accounts.admin()))).param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be 10 to 72 characters long")));
        mvc.perform(post("/admin/users/" + user.id() + "/password").with(csrf())
                        .with(user(accounts.principal(accounts.admin()))).param("password", "a-brand-new-one"))
                .andExpect(redirectedUrl("/admin/users/" + user.id()));
        mvc.perform(formLogin("/login").user("forgetful").password("a-brand-new-one")).andExpect(authenticated());
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        Account user = accounts.user("self-service", Role.EXPERT);
        mvc.perform(post("/account/password").with(csrf()).with(user(accounts.principal(user)))
                        .param("currentPassword", "not-my-password").param("newPassword", "another-password")
                        .param("confirmPassword", "another-password"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not your current password")));
        mvc.perform(post("/account/password").with(csrf()).with(user(accounts.principal(user)))
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "another-password")
                        .param("confirmPassword", "a-typo-in-it"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("does not match the new password")));
        mvc.perform(post("/account/password").with(csrf()).with(user(accounts.principal(user)))
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "another-password")
                        .param("confirmPassword", "another-password"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin("/login").user("self-service").password("another-password")).andExpect(authenticated());
    }

    @Test
    void pagesShowWhatTheUserMayDo() throws Exception {
        mvc.perform(get("/").with(user(accounts.principal(accounts.admin()))))
                .andExpect(content().string(containsString("Manage users")));
        mvc.perform(get("/").with(user(accounts.principal(accounts.expert()))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Manage users"))));
        mvc.perform(get("/")).andExpect(content().string(containsString("Sign in")));
    }
}
