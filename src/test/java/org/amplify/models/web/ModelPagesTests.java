package org.amplify.models.web;

import java.util.Map;
import org.amplify.accounts.TestAccounts;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelSize;
import org.amplify.models.ModelVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Models page: every signed-in user sees a domain's versions, the champion's badge and the
 * lineage; only admins promote and roll back, from the page's buttons.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModelPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Autowired
    Domains domains;

    private final java.util.concurrent.atomic.AtomicLong seeds = new java.util.concurrent.atomic.AtomicLong(10);

    @Test
    void thePageListsTheVersionsNewestFirstWithTheChampionsBadgeAndTheLineage() throws Exception {
        AlgorithmicDomain domain = domains.get("permutation-powering");
        ModelVersion v1 = register(domain, null, ModelKind.SL, Map.of("accuracy", 0.8125, "steps", 2000));
        ModelVersion v2 = register(domain, v1.id(), ModelKind.IA, Map.of("accuracy", 0.975));
        registry.promote(v2.id(), "test-admin");

        String page = mvc.perform(get("/models").param("domain", domain.name())
                        .with(user(accounts.principal(accounts.expert()))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String row1 = row(page, v1);
        String row2 = row(page, v2);
        assertThat(page.indexOf(row2)).as("newest first").isLessThan(page.indexOf(row1));
        assertThat(row2).contains("champion", ">IA<", "v" + v1.version(), "accuracy 97.5 %", v2.sha256().substring(0, 12));
        assertThat(row1).doesNotContain("badge champion").contains(">SL<", "accuracy 81.3 %", "2000 steps");
        assertThat(page).contains("<svg", "id=\"lineage\"", "data-parent=\"" + v1.id() + "\" data-child=\"" + v2.id() + "\"",
                "class=\"node kind-IA champion\"", ">Models<");
        assertThat(page).doesNotContain("/promote", "Roll back to this"); // an expert cannot promote
    }

    @Test
    void anAdminPromotesAndRollsBackFromThePage() throws Exception {
        AlgorithmicDomain domain = domains.get("union-find");
        ModelVersion v1 = register(domain, null, ModelKind.SL, Map.of());
        ModelVersion v2 = register(domain, v1.id(), ModelKind.IA, Map.of());

        mvc.perform(post("/models/{id}/promote", v2.id()).with(csrf()).with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/models?domain=union-find"))
                .andExpect(flash().attribute("success", containsString("v" + v2.version() + " is the champion now")));
        assertThat(registry.champion(domain.name())).contains(v2);

        String page = mvc.perform(get("/models").param("domain", domain.name())
                        .with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(page, v1)).contains("/models/" + v1.id() + "/promote", "Roll back to this", "_csrf");
        assertThat(row(page, v2)).contains("badge champion").doesNotContain("/promote");

        mvc.perform(post("/models/{id}/promote", v1.id()).with(csrf()).with(user(accounts.principal(accounts.admin()))))
                .andExpect(redirectedUrl("/models?domain=union-find"))
                .andExpect(flash().attribute("success", containsString("Rolled back")));
        assertThat(registry.champion(domain.name())).contains(v1);
        assertThat(registry.championHistory(domain.name()).get(0).setBy()).isEqualTo("test-admin");
    }

    @Test
    void onlyAnAdminMayPromote() throws Exception {
        AlgorithmicDomain domain = domains.get("wildcard-search");
        ModelVersion version = register(domain, null, ModelKind.SL, Map.of());
        Long before = registry.champion(domain.name()).map(ModelVersion::id).orElse(null);
        for (var caller : new org.amplify.accounts.Account[] {accounts.expert(), accounts.researcher()}) {
            mvc.perform(post("/models/{id}/promote", version.id()).with(csrf()).with(user(accounts.principal(caller))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/models/{id}/promote", version.id()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/models/{id}/promote", version.id()).with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(registry.champion(domain.name()).map(ModelVersion::id).orElse(null)).isEqualTo(before);
    }

    @Test
    void anUnknownVersionIsA404AndAnUnknownOrNoDomainShowsTheFirst() throws Exception {
        mvc.perform(post("/models/{id}/promote", 987_654L).with(csrf()).with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/models").param("domain", "chess").with(user(accounts.principal(accounts.researcher()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-current=\"page\"")))
                .andExpect(content().string(not(containsString("chess"))));
        mvc.perform(get("/models").with(user(accounts.principal(accounts.expert()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-current=\"page\"")));
    }

    /** The table row of a version, from its opening tag to its end. */
    private static String row(String page, ModelVersion version) {
        int start = page.indexOf("<tr id=\"version-" + version.version() + "\"");
        assertThat(start).as("the row of v%d", version.version()).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private ModelVersion register(AlgorithmicDomain domain, Long parentId, ModelKind kind, Map<String, Object> metrics) {
        try (AnswerModel model = AnswerModel.create(domain, new ModelSize(8, 1, 1, 8), 1e-3f, seeds.incrementAndGet())) {
            return registry.register(model, kind, parentId, metrics);
        }
    }
}
