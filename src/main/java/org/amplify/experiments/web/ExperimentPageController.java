package org.amplify.experiments.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentFinishedException;
import org.amplify.experiments.ExperimentPoint;
import org.amplify.experiments.ExperimentRejectedException;
import org.amplify.experiments.ExperimentRequest;
import org.amplify.experiments.ExperimentService;
import org.amplify.experiments.ExperimentService.DomainLimits;
import org.amplify.experiments.Mode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Experiments pages: per domain, IA against SL in two charts and the list of experiments, with
 * the admin's start form; one experiment with its live progress, chart and Cancel button.
 */
@Controller
@RequestMapping("/experiments")
class ExperimentPageController {

    private final ExperimentService experiments;
    private final JsonMapper json;

    ExperimentPageController(ExperimentService experiments, JsonMapper json) {
        this.experiments = experiments;
        this.json = json;
    }

    @GetMapping
    String list(@RequestParam(required = false) String domain, Model model) {
        DomainLimits selected = selected(domain);
        return listPage(model, selected, StartForm.forDomain(selected.name(), selected.defaultSize()), Map.of());
    }

    @PostMapping
    String start(@ModelAttribute("form") StartForm form, @RequestParam(required = false) String sideBySide,
            @AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        ExperimentRequest request = form.toRequest(errors);
        boolean both = sideBySide != null;
        try {
            if (!errors.isEmpty()) {
                experiments.check(both ? request.withMode(Mode.IA) : request); // the other fields' mistakes too
            } else if (both) {
                List<Experiment> started = experiments.startSideBySide(request, me.getUsername());
                redirect.addFlashAttribute("success", "Started IA (#" + started.get(0).id() + ") and SL (#"
                        + started.get(1).id() + ") side by side with seed " + started.get(0).settings().seed() + ".");
                return "redirect:/experiments?domain=" + started.get(0).domain();
            } else {
                Experiment started = experiments.start(request, me.getUsername());
                redirect.addFlashAttribute("success", "Experiment #" + started.id() + " was queued.");
                return "redirect:/experiments/" + started.id();
            }
        } catch (ExperimentRejectedException e) {
            e.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        }
        DomainLimits selected = experiments.domains().stream().filter(d -> d.name().equals(form.getDomain()))
                .findFirst().orElseGet(() -> selected(null));
        model.addAttribute("error", "The experiment was not started: see the marked fields.");
        return listPage(model, selected, form, errors);
    }

    @GetMapping("/{id}")
    String experiment(@PathVariable long id, Model model) {
        Experiment experiment = experiments.get(id);
        List<ExperimentPoint> points = experiments.points(id, -1);
        model.addAttribute("experiment", experiment);
        model.addAttribute("champion", experiments.registeredChampion(experiment));
        model.addAttribute("latest", points.isEmpty() ? null : points.get(points.size() - 1));
        model.addAttribute("domain", experiments.domains().stream()
                .filter(d -> d.name().equals(experiment.domain())).findFirst().orElse(null));
        model.addAttribute("curvesJson", json.writeValueAsString(Map.of(experiment.mode(), curve(experiment, points))));
        return "experiments/experiment";
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

    private String listPage(Model model, DomainLimits selected, StartForm form, Map<String, String> errors) {
        Map<Mode, Map<String, Object>> curves = new LinkedHashMap<>();
        experiments.latestCurves(selected.name())
                .forEach((mode, experiment) -> curves.put(mode, curve(experiment, experiments.points(experiment.id(), -1))));
        model.addAttribute("domains", experiments.domains());
        model.addAttribute("domain", selected);
        model.addAttribute("experiments", experiments.list(selected.name()));
        model.addAttribute("curves", curves);
        model.addAttribute("curvesJson", json.writeValueAsString(curves));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("modes", Mode.values());
        return "experiments/experiments";
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
