package org.amplify.experiments.web;

import org.amplify.experiments.AdversarialSearchService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The list of adversarial searches with their rates before, after and in the control (researchers, admins). */
@Controller
@PreAuthorize("hasRole('RESEARCHER')")
class AdversarialSearchPageController {

    private final AdversarialSearchService searches;

    AdversarialSearchPageController(AdversarialSearchService searches) {
        this.searches = searches;
    }

    @GetMapping("/experiments/adversarial")
    String searches(Model model) {
        model.addAttribute("searches", searches.list());
        return "experiments/adversarial";
    }
}
