package org.amplify.experiments;

import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input when starting experiments: over the API a 400 problem naming every bad field and why,
 * in the page a message next to each field. Never a 500; an unknown experiment is a 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExperimentValidationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void anUnknownDomainIsRefused() throws Exception {
        startApi("""
                {"domain": "chess", "mode": "SL", "steps": 10}""")
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("domain"))
                .andExpect(jsonPath("$.errors[0].message", containsString("unknown domain 'chess'")))
                .andExpect(jsonPath("$.errors[0].message", containsString("permutation-powering")));
    }

    @Test
    void aSizeOutOfTheDomainsRangeIsRefused() throws Exception {
        for (int size : new int[] {7, 65, 0, -3}) {
            startApi("""
                    {"domain": "union-find", "mode": "IA", "size": %d, "steps": 10}""".formatted(size))
                    .andExpect(jsonPath("$.errors[0].field").value("size"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be between 8 and 64 for union-find"));
        }
    }

    @Test
    void zeroNegativeOrMissingStepsAreRefused() throws Exception {
        startApi("""
                {"domain": "wildcard-search", "mode": "SL", "steps": 0}""")
                .andExpect(jsonPath("$.errors[0].field").value("steps"))
                .andExpect(jsonPath("$.errors[0].message").value("must be positive"));
        startApi("""
                {"domain": "wildcard-search", "mode": "SL", "steps": -5}""")
                .andExpect(jsonPath("$.errors[0].message").value("must be positive"));
        startApi("""
                {"domain": "wildcard-search", "mode": "SL"}""")
                .andExpect(jsonPath("$.errors[0].field").value("steps"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void anExpertErrorRateOutsideZeroToOneOrForSlIsRefused() throws Exception {
        for (String rate : new String[] {"-0.1", "1.5"}) {
            startApi("""
                    {"domain": "permutation-powering", "mode": "IA", "steps": 10, "expertErrorRate": %s}""".formatted(rate))
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("expertErrorRate"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be a probability, between 0 and 1"));
        }
        startApi("""
                {"domain": "permutation-powering", "mode": "SL", "steps": 10, "expertErrorRate": 0.1}""")
                .andExpect(jsonPath("$.errors[0].field").value("expertErrorRate"))
                .andExpect(jsonPath("$.errors[0].message").value("applies to IA with H only"));
        startApi("""
                {"domain": "permutation-powering", "mode": "IA_HP", "steps": 10, "expertErrorRate": 0.1}""")
                .andExpect(jsonPath("$.errors[0].field").value("expertErrorRate"));
    }

    @Test
    void theSettingsOfHPrimeRefuseBadValuesAndOtherModes() throws Exception {
        for (String budget : new String[] {"-5", "0"}) {
            startApi("""
                    {"domain": "permutation-powering", "mode": "IA_HP", "steps": 10, "expertCallBudget": %s}"""
                    .formatted(budget))
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("expertCallBudget"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be positive (leave it out for no limit)"));
        }
        for (String rate : new String[] {"-0.001", "0", "2"}) {
            startApi("""
                    {"domain": "permutation-powering", "mode": "IA_HP", "steps": 10, "askerLearningRate": %s}"""
                    .formatted(rate))
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("askerLearningRate"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be a positive number, at most 1"));
        }
        startApi("""
                {"domain": "permutation-powering", "mode": "IA", "steps": 10, "expertCallBudget": 100,
                 "askerLearningRate": 0.01}""")
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("expertCallBudget",
                        "askerLearningRate")))
                .andExpect(jsonPath("$.errors[0].message").value("applies to IA with H' only"));
    }

    @Test
    void theCurriculumsSettingsRefuseBadValuesAndSl() throws Exception {
        for (String threshold : new String[] {"0.4", "1", "1.5", "-0.9"}) {
            startApi("""
                    {"domain": "permutation-powering", "mode": "IA", "steps": 10, "curriculumThreshold": %s}"""
                    .formatted(threshold))
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("curriculumThreshold"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be at least 0.5 and below 1"));
        }
        startApi("""
                {"domain": "permutation-powering", "mode": "IA", "steps": 10, "levelThresholds": [0.95, 1.2]}""")
                .andExpect(jsonPath("$.errors[0].field").value("levelThresholds"))
                .andExpect(jsonPath("$.errors[0].message").value("each must be at least 0.5 and below 1"));
        startApi("""
                {"domain": "permutation-powering", "mode": "IA", "steps": 10,
                 "levelThresholds": [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]}""")
                .andExpect(jsonPath("$.errors[0].field").value("levelThresholds"))
                .andExpect(jsonPath("$.errors[0].message").value("has 7 thresholds; permutation-powering has 5 levels"));
        for (String window : new String[] {"99", "100001", "0"}) {
            startApi("""
                    {"domain": "permutation-powering", "mode": "IA", "steps": 10, "curriculumWindow": %s}"""
                    .formatted(window))
                    .andExpect(jsonPath("$.errors[0].field").value("curriculumWindow"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be between 100 and 100000"));
        }
        startApi("""
                {"domain": "permutation-powering", "mode": "IA", "size": 16, "steps": 10, "maxSize": 8}""")
                .andExpect(jsonPath("$.errors[0].field").value("maxSize"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at least the size, 16"));
        startApi("""
                {"domain": "permutation-powering", "mode": "IA", "steps": 10, "maxSize": 65}""")
                .andExpect(jsonPath("$.errors[0].field").value("maxSize"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 64 for permutation-powering"));
        startApi("""
                {"domain": "permutation-powering", "mode": "IA", "steps": 10, "curriculum": false, "maxSize": 16}""")
                .andExpect(jsonPath("$.errors[0].field").value("maxSize"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("needs the curriculum: N grows once every level is learned"));
        startApi("""
                {"domain": "permutation-powering", "mode": "SL", "steps": 10, "curriculumThreshold": 0.9,
                 "curriculumWindow": 500, "maxSize": 16}""")
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("curriculumThreshold",
                        "curriculumWindow", "maxSize")));
    }

    @Test
    void aBatchOverTheLimitIsRefused() throws Exception {
        startApi("""
                {"domain": "shortest-path", "mode": "SL", "steps": 10, "batch": 513}""")
                .andExpect(jsonPath("$.errors[0].field").value("batch"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 512"));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        startApi("""
                {"domain": "nope", "mode": "RL", "size": 1000, "steps": 0, "batch": 100000,
                 "learningRate": -1, "evaluateEvery": 0}""")
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("domain", "mode", "size", "steps",
                        "batch", "learningRate", "evaluateEvery")));
        startApi("{}")
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("domain", "mode", "steps")));
    }

    @Test
    void aBodyOfTheWrongShapeIsA400() throws Exception {
        startApi("""
                {"domain": "union-find", "mode": "IA", "steps": "many"}""")
                .andExpect(jsonPath("$.errors[0].field").value("steps"));
        startApi("not json").andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void anUnknownExperimentIsA404() throws Exception {
        for (String path : new String[] {"/api/v1/experiments/987654", "/api/v1/experiments/987654/points"}) {
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("No experiment with id 987654"));
        }
        mvc.perform(post("/api/v1/experiments/987654/cancel").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/experiments/987654").with(user(accounts.principal(accounts.admin()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/experiments").param("domain", "chess").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("domain"));
        mvc.perform(get("/api/v1/experiments/1/points").param("after", "x").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
    }

    @Test
    void theStartFormShowsEachMistakeNextToItsField() throws Exception {
        mvc.perform(post("/experiments").with(csrf()).with(user(accounts.principal(accounts.admin())))
                        .param("domain", "permutation-powering").param("mode", "SL").param("size", "99")
                        .param("steps", "0").param("batch", "lots").param("seed", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The experiment was not started")))
                .andExpect(content().string(containsString("must be between 8 and 64 for permutation-powering")))
                .andExpect(content().string(containsString("must be positive")))
                .andExpect(content().string(containsString("must be a whole number")))
                .andExpect(content().string(containsString("value=\"lots\"")));
    }

    @Test
    void aDecimalThatIsNotANumberIsMarkedOnItsOwnFieldAndTheOthersStillChecked() throws Exception {
        mvc.perform(post("/experiments").with(csrf()).with(user(accounts.principal(accounts.admin())))
                        .param("domain", "permutation-powering").param("mode", "IA").param("steps", "200")
                        .param("expertErrorRate", "a tenth").param("curriculumWindow", "5").param("size", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The experiment was not started")))
                .andExpect(content().string(containsString(
                        "<p class=\"field-error\">must be a number, e.g. 0.01</p>")))
                .andExpect(content().string(containsString(
                        "<p class=\"field-error\">must be between 100 and 100000</p>")))
                .andExpect(content().string(containsString("value=\"a tenth\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("is required"))));
    }

    @Test
    void sideBySideTheFormIsCheckedAsIaWhateverModeItNames() throws Exception {
        var admin = user(accounts.principal(accounts.admin()));
        mvc.perform(post("/experiments").with(csrf()).with(admin).param("domain", "permutation-powering")
                        .param("mode", "SL").param("steps", "0").param("expertErrorRate", "0.2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("applies to IA with H only")));
        mvc.perform(post("/experiments").with(csrf()).with(admin).param("domain", "permutation-powering")
                        .param("mode", "SL").param("steps", "0").param("expertErrorRate", "0.2")
                        .param("sideBySide", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The experiment was not started")))
                .andExpect(content().string(containsString("must be positive")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("applies to IA with H only"))));
    }

    private ResultActions startApi(String body) throws Exception {
        return mvc.perform(post("/api/v1/experiments").header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String bearer() {
        return "Bearer " + accounts.token(accounts.admin());
    }
}
