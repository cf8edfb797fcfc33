package org.amplify.amplification;

import java.util.List;
import org.amplify.accounts.Account;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ModelVersion;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionRefusedException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Subquestion;
import org.amplify.questions.TestTrees;
import org.amplify.questions.WorkspaceService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suggestions for people in {@code text} workspaces: nothing without a text champion; with one, the
 * subquestions of the most similar answered questions (nearest first, without repeats or what the
 * workspace asked already, at most {@code suggestions}); taking one asks it and counts it; admins see
 * the share taken per model version. Its own application context (the limit of 4), so that no other
 * test's text champion is there before it.
 */
@SpringBootTest(properties = "amplify.amplification.suggestions=4")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuggestionFlowTests {

    static final String FRANCE = TestSuggestions.DECOMPOSITIONS[0][0];

    @Autowired
    SuggestionService suggestions;

    @Autowired
    TestSuggestions fixtures;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestTrees trees;

    @Autowired
    MockMvc mvc;

    @Test
    @Order(1)
    void withoutATextChampionThereIsNothingToSuggestAndThePageSaysSoQuietly() throws Exception {
        Account expert = accounts.expert();
        fixtures.answeredDecompositions(expert.id());
        long ws = textWorkspace(expert, "which city is france's capital");

        Suggestions none = suggestions.suggest(ws);
        assertThat(none.suggestions()).isEmpty();
        assertThat(none.modelVersionId()).isNull();
        assertThat(none.note()).contains("no text model");
        mvc.perform(as(get("/workspaces/" + ws + "/suggestions"), expert)).andExpect(status().isOk())
                .andExpect(content().string(containsString("there is no text model yet")))
                .andExpect(content().string(not(containsString("take-suggestion"))));
        // the workspace page loads the panel in text workspaces only
        mvc.perform(as(get("/workspaces/" + ws), expert)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/workspaces/" + ws + "/suggestions")));
        long algorithmic = trees.permutationTree(expert.id(), null, null, null);
        mvc.perform(as(get("/workspaces/" + algorithmic), expert)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/suggestions"))));
        assertThat(suggestions.suggest(algorithmic).note()).contains("text workspaces only");
    }

    @Test
    @Order(2)
    void theSubquestionsOfTheMostSimilarAnsweredQuestionsAreSuggestedAndOneClickAsksOne() throws Exception {
        Account expert = accounts.expert();
        ModelVersion champion = fixtures.promotedTextModel();
        long ws = textWorkspace(expert, "name the capital of france");
        work.ask(ws, "what is the LARGEST city of France", "", expert.id()); // asked already: not suggested

        Suggestions suggested = suggestions.suggest(ws);
        assertThat(suggested.modelVersionId()).isEqualTo(champion.id());
        assertThat(suggested.modelVersion()).isEqualTo(champion.version());
        List<Suggestion> list = suggested.suggestions();
        assertThat(list).hasSize(4); // the limit
        assertThat(list).extracting(Suggestion::text).doesNotHaveDuplicates()
                .doesNotContain("What is the largest city of France?");
        // the nearest answered question first: France's decomposition, in the order it was asked
        assertThat(list.subList(0, 2)).extracting(Suggestion::text)
                .containsExactly("Which country is France?", "Where does the government of France sit?");
        assertThat(list.subList(0, 2)).extracting(Suggestion::sourceQuestion).containsOnly(FRANCE);
        assertThat(list).extracting(Suggestion::sourceQuestion).doesNotContain("what is two plus two"); // asked nothing
        for (int i = 1; i < list.size(); i++) {
            assertThat(list.get(i).similarity()).isLessThanOrEqualTo(list.get(i - 1).similarity());
        }
        assertThat(list.get(0).similarity()).isGreaterThan(list.get(list.size() - 1).similarity());
        assertThat(suggestions.suggest(ws).suggestions()).isEqualTo(list); // shown again: the same, counted once

        // the panel, then one click (the page's htmx post): the new subquestion comes back as a row
        Suggestion taken = list.get(1);
        mvc.perform(as(get("/workspaces/" + ws + "/suggestions"), expert)).andExpect(status().isOk())
                .andExpect(content().string(containsString(taken.text())))
                .andExpect(content().string(containsString("text model v" + champion.version())));
        mvc.perform(as(post("/workspaces/" + ws + "/suggestions/" + taken.id()), expert).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "subquestion-asked"))
                .andExpect(content().string(containsString("subquestion-")))
                .andExpect(content().string(containsString(taken.text())));
        List<Subquestion> asked = questions.workspace(ws).subquestions();
        assertThat(asked).extracting(Subquestion::text).containsExactly("what is the LARGEST city of France",
                taken.text());
        assertThat(asked.get(1).passedContext()).isEmpty();

        // taken once: a second click is a message, not a second subquestion
        assertThatThrownBy(() -> suggestions.take(ws, taken.id(), expert.id()))
                .isInstanceOf(QuestionRefusedException.class).hasMessageContaining("asked in this workspace already");
        mvc.perform(as(post("/workspaces/" + ws + "/suggestions/" + taken.id()), expert).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Retarget", "#suggestion-error"));
        assertThat(questions.workspace(ws).subquestions()).hasSize(2);
        // a suggestion of another workspace, or none at all: 404
        long other = textWorkspace(expert, "what colour is the sky on a clear day");
        mvc.perform(as(post("/workspaces/" + other + "/suggestions/" + taken.id()), expert))
                .andExpect(status().isNotFound());
        // without the page's script: a plain form post, back to the page
        Suggestion plain = list.get(0);
        mvc.perform(as(post("/workspaces/" + ws + "/suggestions/" + plain.id()), expert))
                .andExpect(redirectedUrl("/workspaces/" + ws));
        assertThat(questions.workspace(ws).subquestions()).extracting(Subquestion::text).contains(plain.text());

        // what is suggested now leaves out what was taken; the next nearest fills the list
        List<Suggestion> now = suggestions.suggest(ws).suggestions();
        assertThat(now).extracting(Suggestion::text).doesNotContain(taken.text(), plain.text());
        assertThat(now).hasSize(4);

        // the share taken per model version: 2 of the 6 shown in this workspace (4, then 2 new ones)
        SuggestionShare share = suggestions.shares().stream().filter(s -> s.modelVersionId() == champion.id())
                .findFirst().orElseThrow();
        assertThat(share.modelVersion()).isEqualTo(champion.version());
        assertThat(share.taken()).isEqualTo(2);
        assertThat(share.shown()).isEqualTo(6);
        assertThat(share.share()).isEqualTo(2.0 / 6);
        mvc.perform(as(get("/suggestions"), accounts.admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/models?domain=text#version-" + champion.version()
                        + "\">v" + champion.version() + "</a>")))
                .andExpect(content().string(containsString("33")));
        mvc.perform(as(get("/suggestions"), expert)).andExpect(status().isForbidden());
        mvc.perform(as(get("/models").param("domain", "text"), accounts.admin()))
                .andExpect(content().string(containsString("href=\"/suggestions\"")));
    }

    private long textWorkspace(Account expert, String question) {
        return questions.createTree(new NewTree("text", question, "", null, null, null, null, null, null), expert.id());
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Account account) {
        return request.with(csrf()).with(user(accounts.principal(account)));
    }
}
