package org.amplify.amplification.web;

import org.amplify.accounts.AccountPrincipal;
import org.amplify.amplification.SuggestionService;
import org.amplify.questions.QuestionRefusedException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Workspace;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suggested subquestions in a {@code text} workspace: the panel (which the workspace page loads with
 * htmx, and again after each subquestion asked), taking one with one click (asked like Ask: from the
 * page's script the new subquestion is added to the list without a reload; from a plain form post,
 * back to the page), and the admins' table of the share taken per text model version.
 */
@Controller
class SuggestionController {

    private final SuggestionService suggestions;
    private final QuestionService questions;

    SuggestionController(SuggestionService suggestions, QuestionService questions) {
        this.suggestions = suggestions;
        this.questions = questions;
    }

    @GetMapping("/workspaces/{id}/suggestions")
    String panel(@PathVariable long id, Model model) {
        model.addAttribute("workspaceId", id);
        model.addAttribute("suggested", suggestions.suggest(id));
        return "amplification/suggestions :: panel";
    }

    /** A plain form post: asks the suggested subquestion and redirects back to the workspace. */
    @PostMapping("/workspaces/{id}/suggestions/{suggestionId}")
    String take(@PathVariable long id, @PathVariable long suggestionId, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        try {
            suggestions.take(id, suggestionId, me.id());
            redirect.addFlashAttribute("success", "Asked the suggested subquestion: the copies' answers appear below "
                    + "as they come.");
        } catch (QuestionRefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + id;
    }

    /** From the page's script (htmx): the asked subquestion's row is added to the list. */
    @HxRequest
    @PostMapping("/workspaces/{id}/suggestions/{suggestionId}")
    String takeFromPage(@PathVariable long id, @PathVariable long suggestionId,
            @AuthenticationPrincipal AccountPrincipal me, Model model, HtmxResponse htmx) {
        try {
            long asked = suggestions.take(id, suggestionId, me.id());
            Workspace.Row row = questions.row(id, asked);
            model.addAttribute("ws", row.ws());
            model.addAttribute("sub", row.sub());
            htmx.addTrigger("subquestion-asked");
            return "questions/subquestion :: subquestion";
        } catch (QuestionRefusedException e) {
            htmx.setRetarget("#suggestion-error");
            htmx.setReswap(HtmxReswap.innerHtml());
            model.addAttribute("message", e.getMessage());
            return "questions/subquestion :: ask-error";
        }
    }

    @GetMapping("/suggestions")
    @PreAuthorize("hasRole('ADMIN')")
    String shares(Model model) {
        model.addAttribute("shares", suggestions.shares());
        return "amplification/shares";
    }
}
