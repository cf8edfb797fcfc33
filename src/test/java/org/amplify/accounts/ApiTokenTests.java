package org.amplify.accounts;

import java.util.List;
import org.amplify.accounts.internal.ApiTokenRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A researcher creates a token on the account page, a script uses it, the researcher revokes it. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokenRepository tokenRepository;

    @Autowired
    AccountService accountService;

    @Test
    void anAnonymousWriteToTheApiGets401NotTheCsrfRefusal() throws Exception {
        mvc.perform(post("/api/v1/experiments").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aTokenCreatedOnTheAccountPageAuthenticatesUntilRevoked() throws Exception {
        Account researcher = accounts.user("token-researcher", Role.RESEARCHER, Role.EXPERT);
        String token = createToken(researcher, "my notebook");
        assertThat(token).startsWith(ApiTokenService.PREFIX).hasSizeGreaterThan(40);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("token-researcher"))
                .andExpect(jsonPath("$.roles[0]").value("EXPERT"))
                .andExpect(jsonPath("$.roles[1]").value("RESEARCHER"));

        long tokenId = tokenRepository.findAllByUserIdOrderByCreatedAtDesc(researcher.id()).get(0).getId();
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf())
                        .with(user(accounts.principal(researcher))))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("not valid")));
    }

    @Test
    void theTokensPlainTextIsNowhereInTheDatabase() throws Exception {
        Account researcher = accounts.user("secret-keeper", Role.RESEARCHER);
        String token = createToken(researcher, "laptop");
        String secret = token.substring(ApiTokenService.PREFIX.length());

        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                        + "AND table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("api_tokens", "users");
        for (String table : tables) {
            Integer rows = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?",
                    Integer.class, "%" + secret.substring(0, 16) + "%");
            assertThat(rows).as("rows of %s holding the token's text", table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_tokens WHERE token_hash = ?", Integer.class,
                ApiTokenService.sha256(token))).isEqualTo(1);
    }

    @Test
    void aWrongOrMalformedTokenGets401AsProblemDetails() throws Exception {
        for (String header : List.of("Bearer amp_thisTokenWasNeverIssued", "Bearer not-even-our-format", "bearer ")) {
            mvc.perform(get("/api/v1/me").header("Authorization", header))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Unauthorized"));
        }
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aDisabledUsersTokenStopsWorking() throws Exception {
        Account researcher = accounts.user("soon-disabled", Role.RESEARCHER);
        String token = createToken(researcher, "ci");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        accountService.setEnabled(researcher.id(), false, accountService.get(researcher.id()).version());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpertCannotCreateTokensAndNobodyRevokesAnothersToken() throws Exception {
        Account expert = accounts.expert();
        mvc.perform(post("/account/tokens").param("name", "mine").with(csrf()).with(user(accounts.principal(expert))))
                .andExpect(status().isForbidden());

        Account owner = accounts.user("token-owner", Role.RESEARCHER);
        Account other = accounts.user("token-thief", Role.RESEARCHER);
        String token = createToken(owner, "owner's");
        long tokenId = tokenRepository.findAllByUserIdOrderByCreatedAtDesc(owner.id()).get(0).getId();
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf()).with(user(accounts.principal(other))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void aTokenNeedsANameOfReasonableLength() throws Exception {
        Account researcher = accounts.researcher();
        mvc.perform(post("/account/tokens").param("name", " ").with(csrf())
                        .with(user(accounts.principal(researcher))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is required")));
        mvc.perform(post("/account/tokens").param("name", "x".repeat(101)).with(csrf())
                        .with(user(accounts.principal(researcher))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 100 characters")));
    }

    private String createToken(Account account, String name) throws Exception {
        MvcResult result = mvc.perform(post("/account/tokens").param("name", name).with(csrf())
                        .with(user(accounts.principal(account))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        IssuedApiToken issued = (IssuedApiToken) result.getModelAndView().getModel().get("issuedToken");
        assertThat(issued.token().name()).isEqualTo(name);
        return issued.plainText();
    }
}
