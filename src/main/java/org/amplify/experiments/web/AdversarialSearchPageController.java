package org.amplify.experiments.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.experiments.AdversarialSearchRequest;
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.experiments.AdversarialSearchService;
import org.amplify.experiments.ExperimentRejectedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    AdversarialSearchPageController(AdversarialSearchService searches) {
        this.searches = searches;
    }

    @GetMapping("/experiments/adversarial")
    String searches(Model model) {
        return page(model, new SearchForm(), Map.of());
    }

    @PostMapping("/experiments/adversarial")
    @PreAuthorize("hasRole('ADMIN')")
    String start(@ModelAttribute("form") SearchForm form, @AuthenticationPrincipal AccountPrincipal me, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        AdversarialSearchRequest request = form.toRequest(errors);
        try {
            if (errors.isEmpty()) {
                AdversarialSearchRun started = searches.start(request, me.getUsername());
                redirect.addFlashAttribute("success", "Adversarial search #" + started.id() + " was queued.");
                return "redirect:/experiments/adversarial";
            }
            searches.check(request); // the other fields' mistakes too
        } catch (ExperimentRejectedException e) {
            e.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        }
        model.addAttribute("error", "The search was not started: see the marked fields.");
        return page(model, form, errors);
    }

    private String page(Model model, SearchForm form, Map<String, String> errors) {
        model.addAttribute("searches", searches.list());
        model.addAttribute("models", searches.searchableModels());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "experiments/adversarial";
    }
}
