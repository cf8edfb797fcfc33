package org.amplify.models.web;

import org.amplify.accounts.TestAccounts;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TorchScriptFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing a TorchScript file from the Models page (a multipart form, admins) and over the API
 * ({@code POST /api/v1/models/import}): 201 with the version, or 400 with the reason; the page lists the
 * import with its kind and note. (The same Spring context as the other web tests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModelImportWebTests {

    private static final String DOMAIN = PermutationPowering.NAME;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Test
    void anAdminImportsOverTheApiAndARefusalIsAProblemWithTheReason() throws Exception {
        String token = accounts.token(accounts.admin());
        Long champion = registry.champion(DOMAIN).map(ModelVersion::id).orElse(null);
        mvc.perform(multipart("/api/v1/models/import").file(file(TorchScriptFixtures.PERMUTATION_ECHO))
                        .param("domain", DOMAIN).param("note", "trained on a laptop")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("IMPORT"))
                .andExpect(jsonPath("$.domain").value(DOMAIN))
                .andExpect(jsonPath("$.note").value("trained on a laptop"))
                .andExpect(jsonPath("$.parentId").value(champion))
                .andExpect(jsonPath("$.metrics.sampleQuestions").value(64))
                .andExpect(jsonPath("$.sha256").isString());

        int versions = registry.versions(DOMAIN).size();
        mvc.perform(multipart("/api/v1/models/import")
                        .file(new MockMultipartFile("file", "noise.pt", "application/octet-stream",
                                TorchScriptFixtures.randomBytes(2048, 7)))
                        .param("domain", DOMAIN).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("does not load as a TorchScript module")))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/models/import").file(file(TorchScriptFixtures.PERMUTATION_NAN))
                        .param("domain", DOMAIN).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("NaN or infinite values")));
        mvc.perform(multipart("/api/v1/models/import").param("domain", DOMAIN)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("No file")));
        mvc.perform(multipart("/api/v1/models/import").file(file(TorchScriptFixtures.PERMUTATION_ECHO))
                        .param("domain", "chess").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domain"));
        mvc.perform(multipart("/api/v1/models/import").file(file(TorchScriptFixtures.PERMUTATION_ECHO))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("The field 'domain' is missing")))
                .andExpect(jsonPath("$.errors[0].field").value("domain"));
        assertThat(registry.versions(DOMAIN)).hasSize(versions);
    }

    @Test
    void anAdminImportsFromThePageWhichListsTheImportWithItsNote() throws Exception {
        var admin = user(accounts.principal(accounts.admin()));
        mvc.perform(multipart("/models/import").file(file(TorchScriptFixtures.PERMUTATION_ECHO))
                        .param("domain", DOMAIN).param("note", "echo <b>module</b> from the notebook")
                        .with(csrf()).with(admin))
                .andExpect(redirectedUrl("/models?domain=" + DOMAIN))
                .andExpect(flash().attribute("success", containsString("as " + DOMAIN + " v")));
        ModelVersion imported = registry.versions(DOMAIN).get(0);
        assertThat(imported.kind()).isEqualTo(ModelKind.IMPORT);

        String page = mvc.perform(get("/models").param("domain", DOMAIN).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("id=\"version-" + imported.version() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">IMPORT<", "echo &lt;b&gt;module&lt;/b&gt; from the notebook");
        assertThat(page).contains("id=\"import-model\"", "enctype=\"multipart/form-data\"", "<option value=\"text\"");

        mvc.perform(multipart("/models/import").file(file(TorchScriptFixtures.PERMUTATION_WRONG_SHAPE))
                        .param("domain", DOMAIN).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/models?domain=" + DOMAIN))
                .andExpect(flash().attribute("error", containsString("shape (64, 70) for 64 inputs, expected (64, 67)")));
        assertThat(registry.versions(DOMAIN).get(0)).isEqualTo(imported);

        String expertPage = mvc.perform(get("/models").param("domain", DOMAIN)
                        .with(user(accounts.principal(accounts.expert()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(expertPage).doesNotContain("id=\"import-model\"", "/models/import");
        mvc.perform(multipart("/models/import").file(file(TorchScriptFixtures.PERMUTATION_ECHO))
                        .param("domain", DOMAIN).with(csrf()).with(user(accounts.principal(accounts.expert()))))
                .andExpect(status().isForbidden());
    }

    private static MockMultipartFile file(String fixture) {
        return new MockMultipartFile("file", fixture, "application/octet-stream", TorchScriptFixtures.read(fixture));
    }
}
