package org.amplify.amplification.web;

import jakarta.servlet.http.HttpServletResponse;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.amplification.SuggestionService;
import org.amplify.questions.QuestionRefusedException;
import org.amplify.questions.QuestionService;
import org.amplify.questions.Workspace;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

    @PostMapping("/workspaces/{id}/suggestions/{suggestionId}")
    String take(@PathVariable long id, @PathVariable long suggestionId, @AuthenticationPrincipal AccountPrincipal me,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (htmx == null) {
            try {
                suggestions.take(id, suggestionId, me.id());
                redirect.addFlashAttribute("success", "Asked the suggested subquestion: the copies' answers appear below "
                        + "as they come.");
            } catch (QuestionRefusedException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
            return "redirect:/workspaces/" + id;
        }
        try {
            long asked = suggestions.take(id, suggestionId, me.id());
            Workspace workspace = questions.workspace(id);
            model.addAttribute("ws", workspace);
            model.addAttribute("sub", workspace.subquestions().stream().filter(s -> s.id() == asked).findFirst()
                    .orElseThrow());
            response.setHeader("HX-Trigger", "subquestion-asked");
            return "questions/subquestion :: subquestion";
        } catch (QuestionRefusedException e) {
            response.setHeader("HX-Retarget", "#suggestion-error");
            response.setHeader("HX-Reswap", "innerHTML");
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
