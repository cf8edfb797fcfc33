package org.amplify.experiments.web;

import jakarta.validation.Valid;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.experiments.AdversarialSearchService;
import org.amplify.experiments.ExperimentRejectedException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The adversarial searches with their rates before, after and in the control (researchers, admins),
 * and the admins' form to start one on a model trained here.
 */
@Controller
@PreAuthorize("hasRole('RESEARCHER')")
class AdversarialSearchPageController {

    private final AdversarialSearchService searches;
    private final SearchFormValidator formValidator;

    AdversarialSearchPageController(AdversarialSearchService searches, SearchFormValidator formValidator) {
        this.searches = searches;
        this.formValidator = formValidator;
    }

    @InitBinder("form")
    void bindForm(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.addValidators(formValidator);
    }

    @GetMapping("/experiments/adversarial")
    String searches(Model model) {
        return page(model, new SearchForm());
    }

    @PostMapping("/experiments/adversarial")
    @PreAuthorize("hasRole('ADMIN')")
    String start(@Valid @ModelAttribute("form") SearchForm form, BindingResult binding,
            @AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                AdversarialSearchRun started = searches.start(form.toRequest(), me.getUsername());
                redirect.addFlashAttribute("success", "Adversarial search #" + started.id() + " was queued.");
                return "redirect:/experiments/adversarial";
            } catch (ExperimentRejectedException e) {
                FieldProblems.reject(e.problems(), binding);
            }
        }
        model.addAttribute("error", "The search was not started: see the marked fields.");
        return page(model, form);
    }

    private String page(Model model, SearchForm form) {
        model.addAttribute("searches", searches.list());
        model.addAttribute("models", searches.searchableModels());
        model.addAttribute("form", form);
        return "experiments/adversarial";
    }
}
