package org.amplify.distillation.web;

import java.util.List;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundRejectedException;
import org.amplify.distillation.RoundRequest;
import org.amplify.distillation.RoundStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The Rounds pages (admins): the list with the start form and the held-out accuracy across rounds; one round, live. */
@Controller
@RequestMapping("/rounds")
class RoundPageController {

    private final DistillationService distillation;
    private final JsonMapper json;

    RoundPageController(DistillationService distillation, JsonMapper json) {
        this.distillation = distillation;
        this.json = json;
    }

    @GetMapping
    String list(Model model) {
        List<Round> rounds = distillation.list(null);
        model.addAttribute("rounds", rounds);
        model.addAttribute("domains", distillation.domains());
        model.addAttribute("defaults", distillation.settings());
        List<java.util.Map<String, Object>> accuracy = rounds.stream().filter(r -> r.status() == RoundStatus.SUCCEEDED)
                .filter(r -> r.metrics().get("accuracy") instanceof Number).sorted(java.util.Comparator
                        .comparingLong(Round::id)).map(r -> java.util.Map.<String, Object>of("round", r.id(), "domain", r.domain(),
                        "accuracy", r.metrics().get("accuracy"), "parentAccuracy",
                        r.metrics().get("parentAccuracy") == null ? -1 : r.metrics().get("parentAccuracy")))
                .toList();
        model.addAttribute("accuracy", accuracy);
        model.addAttribute("accuracyJson", json.writeValueAsString(accuracy));
        return "distillation/rounds";
    }

    @PostMapping
    String start(@RequestParam String domain, @RequestParam(defaultValue = "false") boolean allTranscripts,
            @RequestParam(defaultValue = "false") boolean autoPromote, @RequestParam(required = false) String epochs,
            @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        try {
            Integer parsedEpochs = epochs == null || epochs.isBlank() ? null : Integer.valueOf(epochs.strip());
            Round round = distillation.start(new RoundRequest(domain, allTranscripts, autoPromote, parsedEpochs, null,
                    false), me.getUsername());
            redirect.addFlashAttribute("success", "Round #" + round.id() + " of " + domain + " was queued.");
            return "redirect:/rounds/" + round.id();
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "The round was not started: epochs must be a whole number.");
        } catch (RoundRejectedException e) {
            redirect.addFlashAttribute("error", "The round was not started: " + e.getMessage());
        }
        return "redirect:/rounds";
    }

    @GetMapping("/{id}")
    String round(@PathVariable long id, Model model) {
        Round round = distillation.get(id);
        model.addAttribute("round", round);
        model.addAttribute("champion", distillation.registeredChampion(round));
        return "distillation/round";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Round round = distillation.cancel(id);
            redirect.addFlashAttribute("success", round.status().finished() ? "Round #" + id + " was cancelled."
                    : "Round #" + id + " is stopping: it registers nothing.");
        } catch (RoundRejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rounds/" + id;
    }
}
