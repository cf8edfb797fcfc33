package org.amplify.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input when creating users: in the browser a message next to the field, over the API a 400
 * problem naming the field. Never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountValidationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    // --- the admin page -------------------------------------------------------------------------

    @Test
    void aDuplicateUserNameIsRefusedNextToTheField() throws Exception {
        accounts.user("taken-name", Role.EXPERT);
        createInPage("Taken-Name", "a-good-password", "EXPERT")
                .andExpect(model().attributeHasFieldErrors("newUser", "username"))
                .andExpect(fieldError("&#39;Taken-Name&#39; is already taken"));
    }

    @Test
    void anEmptyOrShortPasswordIsRefusedNextToTheField() throws Exception {
        createInPage("no-password", "", "EXPERT")
                .andExpect(model().attributeHasFieldErrors("newUser", "password"))
                .andExpect(fieldError("must be 10 to 72 characters long"));
        createInPage("short-password", "short", "EXPERT")
                .andExpect(model().attributeHasFieldErrors("newUser", "password"))
                .andExpect(fieldError("must be 10 to 72 characters long"));
    }

    @Test
    void anUnknownRoleOrNoRoleIsRefusedNextToTheField() throws Exception {
        createInPage("wizard", "a-good-password", "WIZARD")
                .andExpect(model().attributeHasFieldErrors("newUser", "roles"))
                .andExpect(fieldError("unknown role &#39;WIZARD&#39;"));
        createInPage("no-role", "a-good-password")
                .andExpect(model().attributeHasFieldErrors("newUser", "roles"))
                .andExpect(fieldError("choose at least one role"));
    }

    @Test
    void overLongFieldsAreRefusedNextToTheField() throws Exception {
        mvc.perform(post("/admin/users").with(csrf()).with(user(accounts.principal(accounts.admin())))
                        .param("username", "u".repeat(51)).param("displayName", "d".repeat(101))
                        .param("password", "p".repeat(73)).param("roles", "EXPERT"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("newUser", "username", "displayName", "password"))
                .andExpect(fieldError("must be 3 to 50 characters long"))
                .andExpect(fieldError("must be at most 100 characters long"))
                .andExpect(fieldError("must be 10 to 72 characters long"));
    }

    @Test
    void aUserNameWithOddCharactersIsRefused() throws Exception {
        createInPage("<script>", "a-good-password", "EXPERT")
                .andExpect(model().attributeHasFieldErrors("newUser", "username"))
                .andExpect(fieldError("may contain only letters, digits"));
    }

    // --- the API --------------------------------------------------------------------------------

    @Test
    void theApiNamesTheFieldOfEachMistake() throws Exception {
        accounts.user("api-taken", Role.EXPERT);
        createInApi("""
                {"username": "API-TAKEN", "password": "a-good-password", "roles": ["EXPERT"]}""")
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("already taken")));
        createInApi("""
                {"username": "api-short", "password": "short", "roles": ["EXPERT"]}""")
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
        createInApi("""
                {"username": "api-empty", "password": "", "roles": ["EXPERT"]}""")
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
        createInApi("""
                {"username": "api-wizard", "password": "a-good-password", "roles": ["WIZARD"]}""")
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("unknown role 'WIZARD'")));
        createInApi("{\"username\": \"" + "u".repeat(51) + "\", \"password\": \"a-good-password\", \"roles\": [\"EXPERT\"]}")
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void malformedJsonIsA400NotA500() throws Exception {
        createInApi("{\"username\": ").andExpect(jsonPath("$.errors[0].field").value("body"));
        createInApi("{\"username\": \"x-y-z\", \"password\": \"a-good-password\", \"roles\": {\"a\": 1}}")
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
    }

    @Test
    void aGoodUserIsCreatedOverTheApi() throws Exception {
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + accounts.token(accounts.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "api-created", "displayName": "Api Created",
                                 "password": "a-good-password", "roles": ["expert", "RESEARCHER"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/users/")))
                .andExpect(jsonPath("$.username").value("api-created"))
                .andExpect(jsonPath("$.roles[0]").value("EXPERT"))
                .andExpect(jsonPath("$.roles[1]").value("RESEARCHER"));
    }

    private ResultActions createInPage(String username, String password, String... roles) throws Exception {
        return mvc.perform(post("/admin/users").with(csrf()).with(user(accounts.principal(accounts.admin())))
                        .param("username", username).param("displayName", "").param("password", password)
                        .param("roles", roles))
                .andExpect(status().isOk());
    }

    private ResultActions createInApi(String json) throws Exception {
        return mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + accounts.token(accounts.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    /** The message is rendered in the page as a field error, next to its input. */
    private static org.springframework.test.web.servlet.ResultMatcher fieldError(String message) {
        return content().string(containsString("<p class=\"field-error\">" + message));
    }
}
