package org.amplify.questions;

import java.util.List;
import org.amplify.accounts.Account;
import org.amplify.accounts.Role;
import org.amplify.accounts.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tree page's system prompt for the endpoint copies: its owner sets it (blank: the default
 * again), the copies' port carries it, a prompt too long is a message on the field, and nobody else
 * may change it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TreeSystemPromptTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    QuestionService questions;

    @Autowired
    WorkspaceService work;

    @Autowired
    CopiesPort port;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theOwnerSetsTheSystemPromptTheCopiesPortCarriesItAndBlankIsTheDefaultAgain() throws Exception {
        Account owner = accounts.expert();
        long ws = questions.createTree(new NewTree("text", "Did the pump spread cholera?", "", null, null, null, null,
                null, null), owner.id());
        long tree = questions.workspace(ws).treeId();
        String defaultPrompt = questions.settings().defaultSystemPrompt();
        assertThat(page(tree, owner)).contains("This tree uses the default").contains(defaultPrompt);

        mvc.perform(as(post("/trees/" + tree + "/system-prompt").param("systemPrompt", "  Answer as John Snow.  "),
                owner)).andExpect(redirectedUrl("/trees/" + tree));

        assertThat(questions.tree(tree).systemPrompt()).isEqualTo("Answer as John Snow.");
        assertThat(page(tree, owner)).contains("Answer as John Snow.").doesNotContain("This tree uses the default");
        assertThat(askedAndReadForCopies(ws, "Where was the pump?", owner)).singleElement()
                .satisfies(s -> assertThat(s.systemPrompt()).isEqualTo("Answer as John Snow."));

        mvc.perform(as(post("/trees/" + tree + "/system-prompt").param("systemPrompt", " "), owner))
                .andExpect(redirectedUrl("/trees/" + tree));
        assertThat(questions.tree(tree).systemPrompt()).isNull();
        assertThat(askedAndReadForCopies(ws, "Who removed the handle?", owner)).singleElement()
                .satisfies(s -> assertThat(s.systemPrompt()).isEqualTo(defaultPrompt));
    }

    @Test
    void aPromptTooLongIsAMessageOnTheFieldAndAnotherExpertMayNotChangeIt() throws Exception {
        Account owner = accounts.expert();
        Account other = accounts.user("prompt-other", Role.EXPERT);
        long ws = questions.createTree(new NewTree("text", "Was it the water?", "", null, null, null, null, null, null),
                owner.id());
        long tree = questions.workspace(ws).treeId();

        String tooLong = mvc.perform(as(post("/trees/" + tree + "/system-prompt").param("systemPrompt", "x".repeat(4001)),
                owner)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("must be at most 4000 characters long").contains("The system prompt was not saved");

        String refused = mvc.perform(as(post("/trees/" + tree + "/system-prompt").param("systemPrompt", "Lie."), other))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Only the tree&#39;s owner");
        assertThat(questions.tree(tree).systemPrompt()).isNull();
        assertThat(page(tree, other)).doesNotContain("Save the system prompt");
    }

    /**
     * Asks a subquestion and reads it through the copies' port in the asking transaction: the copies
     * start only after it commits, so the read never races with their answer (which would leave the
     * subquestion out of the port's read).
     */
    private List<SubquestionToAnswer> askedAndReadForCopies(long ws, String text, Account owner) {
        return transactions.execute(status -> port.forCopies(List.of(work.ask(ws, text, "", owner.id())), null));
    }

    private String page(long tree, Account account) throws Exception {
        return mvc.perform(as(get("/trees/" + tree), account)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Account account) {
        return request.with(csrf()).with(user(accounts.principal(account)));
    }
}
