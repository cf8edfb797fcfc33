package org.amplify.experiments.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentFinishedException;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentRejectedException;
import org.amplify.experiments.ExperimentService.DomainLimits;
import org.amplify.experiments.ExperimentService;
import org.amplify.experiments.Mode;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Experiments pages: per domain, IA against SL in two charts and the list of experiments, with
 * the admin's start form; one experiment with its live progress, chart and Cancel button.
 */
@Controller
@RequestMapping("/experiments")
class ExperimentPageController {

    /** htmx stops polling an element when its poll is answered with 286. */
    private static final HttpStatusCode STOP_POLLING = HttpStatusCode.valueOf(286);

    private final ExperimentService experiments;
    private final JsonMapper json;
    private final StartFormValidator formValidator;

    ExperimentPageController(ExperimentService experiments, JsonMapper json, StartFormValidator formValidator) {
        this.experiments = experiments;
        this.json = json;
        this.formValidator = formValidator;
    }

    @GetMapping
    String list(@RequestParam(required = false) String domain, Model model) {
        DomainLimits selected = selected(domain);
        return listPage(model, selected, StartForm.forDomain(selected.name(), selected.defaultSize()));
    }

    @InitBinder("form")
    void bindForm(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.addValidators(formValidator);
    }

    @PostMapping
    String start(@Valid @ModelAttribute("form") StartForm form, BindingResult binding,
            @AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                if (form.isSideBySide()) {
                    List<Experiment> started = experiments.startSideBySide(form.toRequest(), me.getUsername());
                    redirect.addFlashAttribute("success", "Started IA (#" + started.get(0).id() + ") and SL (#"
                            + started.get(1).id() + ") side by side with seed " + started.get(0).settings().seed()
                            + ".");
                    return "redirect:/experiments?domain=" + started.get(0).domain();
                }
                Experiment started = experiments.start(form.toRequest(), me.getUsername());
                redirect.addFlashAttribute("success", "Experiment #" + started.id() + " was queued.");
                return "redirect:/experiments/" + started.id();
            } catch (ExperimentRejectedException e) {
                FieldProblems.reject(e.problems(), binding);
            }
        }
        DomainLimits selected = experiments.domains().stream().filter(d -> d.name().equals(form.getDomain()))
                .findFirst().orElseGet(() -> selected(null));
        model.addAttribute("error", "The experiment was not started: see the marked fields.");
        return listPage(model, selected, form);
    }

    @GetMapping("/{id}")
    String experiment(@PathVariable long id, Model model) {
        live(id, model);
        return "experiments/experiment";
    }

    /**
     * The live parts of an experiment's page, which htmx polls: the facts, and out of band the progress
     * and the curves; once the experiment has finished, with htmx's 286, so that it stops polling.
     */
    @HxRequest
    @GetMapping("/{id}/live")
    FragmentsRendering liveParts(@PathVariable long id, Model model) {
        Experiment experiment = live(id, model);
        return FragmentsRendering.fragment("experiments/experiment :: facts")
                .fragment("experiments/experiment :: progress").fragment("experiments/experiment :: curves")
                .status(experiment.status().finished() ? STOP_POLLING : HttpStatus.OK).build();
    }

    /** The curves of a domain's page, which htmx polls while one of them is running (then 286). */
    @HxRequest
    @GetMapping("/domains/{domain}/curves")
    FragmentsRendering curves(@PathVariable String domain, Model model) {
        boolean running = addCurves(model, selected(domain));
        return FragmentsRendering.fragment("experiments/experiments :: curves")
                .status(running ? HttpStatus.OK : STOP_POLLING).build();
    }

    private Experiment live(long id, Model model) {
        Experiment experiment = experiments.get(id);
        List<ExperimentPoint> points = experiments.points(id, -1);
        model.addAttribute("experiment", experiment);
        model.addAttribute("champion", experiments.registeredChampion(experiment));
        model.addAttribute("latest", points.isEmpty() ? null : points.get(points.size() - 1));
        model.addAttribute("domain", experiments.domains().stream()
                .filter(d -> d.name().equals(experiment.domain())).findFirst().orElse(null));
        model.addAttribute("curvesJson", json.writeValueAsString(Map.of(experiment.mode(), curve(experiment, points))));
        return experiment;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Experiment experiment = experiments.cancel(id);
            redirect.addFlashAttribute("success", experiment.status().finished()
                    ? "Experiment #" + id + " was cancelled."
                    : "Experiment #" + id + " is stopping: it keeps its points.");
        } catch (ExperimentFinishedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/experiments/" + id;
    }

    private String listPage(Model model, DomainLimits selected, StartForm form) {
        addCurves(model, selected);
        model.addAttribute("domains", experiments.domains());
        model.addAttribute("experiments", experiments.list(selected.name()));
        model.addAttribute("form", form);
        model.addAttribute("modes", Mode.values());
        return "experiments/experiments";
    }

    /**
     * The newest experiment of each mode on the domain that has points, as the charts draw them.
     *
     * @return whether one of them is still running
     */
    private boolean addCurves(Model model, DomainLimits selected) {
        Map<Mode, Map<String, Object>> curves = new LinkedHashMap<>();
        boolean running = false;
        for (Map.Entry<Mode, Experiment> latest : experiments.latestCurves(selected.name()).entrySet()) {
            Experiment experiment = latest.getValue();
            curves.put(latest.getKey(), curve(experiment, experiments.points(experiment.id(), -1)));
            running |= !experiment.status().finished();
        }
        model.addAttribute("domain", selected);
        model.addAttribute("curves", curves);
        model.addAttribute("curvesJson", json.writeValueAsString(curves));
        model.addAttribute("running", running);
        return running;
    }

    /** What the charts draw of one experiment. */
    private static Map<String, Object> curve(Experiment experiment, List<ExperimentPoint> points) {
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("id", experiment.id());
        curve.put("status", experiment.status());
        curve.put("steps", experiment.steps());
        curve.put("size", experiment.size());
        curve.put("points", points.stream().map(PointResponse::of).toList());
        return curve;
    }

    private DomainLimits selected(String domain) {
        List<DomainLimits> domains = experiments.domains();
        return domains.stream().filter(d -> d.name().equals(domain)).findFirst().orElse(domains.get(0));
    }
}
