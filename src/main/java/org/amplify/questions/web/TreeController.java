package org.amplify.questions.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionRefusedException;
import org.amplify.questions.QuestionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Trees: the list (searchable), the form that creates one, and the picture of one. */
@Controller
@RequestMapping("/trees")
class TreeController {

    private final QuestionService questions;

    TreeController(QuestionService questions) {
        this.questions = questions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        return listPage(model, q, new TreeForm(), Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") TreeForm form, @AuthenticationPrincipal AccountPrincipal me, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewTree request = form.toRequest(errors);
        if (errors.isEmpty()) {
            try {
                long workspace = questions.createTree(request, me.id());
                redirect.addFlashAttribute("success", "The tree was created: this is its root workspace.");
                return "redirect:/workspaces/" + workspace;
            } catch (QuestionRefusedException e) {
                errors.put(e.field() == null ? "question" : e.field(), e.getMessage());
            }
        }
        model.addAttribute("error", "The tree was not created: see the marked fields.");
        return listPage(model, null, form, errors);
    }

    @GetMapping("/{id}")
    String tree(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
        return treePage(model, id, me, null);
    }

    @PostMapping("/{id}/system-prompt")
    String systemPrompt(@PathVariable long id, @Valid @ModelAttribute("promptForm") SystemPromptForm form,
            BindingResult binding, @AuthenticationPrincipal AccountPrincipal me, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                questions.systemPrompt(id, form.systemPrompt(), me.id());
                redirect.addFlashAttribute("success", form.systemPrompt() == null || form.systemPrompt().isBlank()
                        ? "The tree's endpoint copies get the default system prompt again."
                        : "The tree's system prompt was saved.");
                return "redirect:/trees/" + id;
            } catch (QuestionRefusedException e) {
                binding.rejectValue("systemPrompt", "refused", e.getMessage());
                model.addAttribute("error", "The system prompt was not saved: " + e.getMessage());
                return treePage(model, id, me, form);
            }
        }
        model.addAttribute("error", "The system prompt was not saved: see the marked field.");
        return treePage(model, id, me, form);
    }

    /** @param form the form as sent back with its errors, or null: the tree's prompt */
    private String treePage(Model model, long id, AccountPrincipal me, SystemPromptForm form) {
        var view = questions.treeView(id);
        model.addAttribute("owner", me != null && me.id() == view.tree().ownerId());
        model.addAttribute("view", view);
        model.addAttribute("picture", TreePicture.of(view));
        model.addAttribute("defaultSystemPrompt", questions.settings().defaultSystemPrompt());
        if (form == null) {
            model.addAttribute("promptForm", new SystemPromptForm(view.tree().systemPrompt()));
        }
        return "questions/tree";
    }

    private String listPage(Model model, String search, TreeForm form, Map<String, String> errors) {
        model.addAttribute("trees", questions.trees(search));
        model.addAttribute("q", search);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("domains", questions.domainNames());
        Map<String, String> examples = new LinkedHashMap<>();
        questions.domainNames().forEach(d -> examples.put(d, questions.exampleQuestion(d)));
        model.addAttribute("examples", examples);
        Map<String, String> exampleFacts = new LinkedHashMap<>();
        questions.domainNames().forEach(d -> exampleFacts.put(d, questions.exampleFact(d)));
        model.addAttribute("exampleFacts", exampleFacts);
        model.addAttribute("defaults", questions.settings());
        return "questions/trees";
    }
}
