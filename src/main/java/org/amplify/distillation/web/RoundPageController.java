package org.amplify.distillation.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.List;
import java.util.Locale;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.distillation.CascadeRound;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.Round;
import org.amplify.distillation.RoundRejectedException;
import org.amplify.distillation.RoundStatus;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Rounds pages (admins): the list with the start form, the held-out accuracy across rounds and the
 * cascade of {@code text} (the small model's share, its accuracy, the endpoint's calls, round by round);
 * one round, live.
 */
@Controller
@RequestMapping("/rounds")
class RoundPageController {

    /** htmx stops polling an element when its poll is answered with 286. */
    static final HttpStatusCode STOP_POLLING = HttpStatusCode.valueOf(286);

    private final DistillationService distillation;
    private final JsonMapper json;
    private final MessageSource messages;

    RoundPageController(DistillationService distillation, JsonMapper json, MessageSource messages) {
        this.distillation = distillation;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        List<Round> rounds = distillation.list(null);
        model.addAttribute("rounds", rounds);
        model.addAttribute("domains", distillation.domains());
        model.addAttribute("defaults", distillation.settings());
        model.addAttribute("studentDomains", distillation.domains().stream().filter(distillation::wouldTrainStudent)
                .toList());
        List<java.util.Map<String, Object>> accuracy = rounds.stream().filter(r -> r.status() == RoundStatus.SUCCEEDED)
                .filter(r -> r.metrics().get("accuracy") instanceof Number).sorted(java.util.Comparator
                        .comparingLong(Round::id)).map(r -> java.util.Map.<String, Object>of("round", r.id(), "domain", r.domain(),
                        "accuracy", r.metrics().get("accuracy"), "parentAccuracy",
                        r.metrics().get("parentAccuracy") == null ? -1 : r.metrics().get("parentAccuracy")))
                .toList();
        model.addAttribute("accuracy", accuracy);
        model.addAttribute("accuracyJson", json.writeValueAsString(accuracy));
        List<CascadeRound> cascade = distillation.cascade();
        model.addAttribute("cascade", cascade);
        model.addAttribute("cascadeJson", json.writeValueAsString(cascade.stream().map(c -> java.util.Map.of(
                "label", c.roundId() != null ? "#" + c.roundId() : c.from() == null ? "so far" : "since the last round",
                "studentShare", c.studentShare() == null ? -1 : c.studentShare(),
                "accuracy", c.accuracy() == null ? -1 : c.accuracy(),
                "endpointCalls", c.endpointCalls())).toList()));
        return "distillation/rounds";
    }

    @InitBinder("form")
    void bindForm(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @PostMapping
    String start(@ModelAttribute("form") RoundStartForm form, BindingResult binding,
            @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        if (binding.hasFieldErrors()) {
            FieldError mistake = binding.getFieldErrors().get(0);
            redirect.addFlashAttribute("error", "The round was not started: " + mistake.getField() + " "
                    + messages.getMessage(mistake, Locale.ROOT) + ".");
            return "redirect:/rounds";
        }
        try {
            Round round = distillation.start(form.toRequest(), me.getUsername());
            redirect.addFlashAttribute("success", "Round #" + round.id() + " of " + form.domain() + " was queued.");
            return "redirect:/rounds/" + round.id();
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
        model.addAttribute("student", distillation.registeredStudent(round));
        return "distillation/round";
    }

    /**
     * The live part of a round's page, which htmx polls: once the round has finished, with htmx's
     * 286, so that it stops polling.
     */
    @HxRequest
    @GetMapping("/{id}/progress")
    FragmentsRendering progress(@PathVariable long id, Model model) {
        Round round = distillation.get(id);
        model.addAttribute("round", round);
        model.addAttribute("champion", distillation.registeredChampion(round));
        model.addAttribute("student", distillation.registeredStudent(round));
        return FragmentsRendering.fragment("distillation/round :: progress")
                .status(round.status().finished() ? STOP_POLLING : HttpStatus.OK).build();
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
