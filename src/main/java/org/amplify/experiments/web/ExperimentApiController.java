package org.amplify.experiments.web;

import java.net.URI;
import java.util.List;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.experiments.Experiment;
import org.amplify.experiments.ExperimentRequest;
import org.amplify.experiments.ExperimentService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Experiments over the API: researchers and admins read them; admins start and cancel them. */
@RestController
@RequestMapping("/api/v1/experiments")
@PreAuthorize("hasRole('RESEARCHER')")
class ExperimentApiController {

    private final ExperimentService experiments;

    ExperimentApiController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /** Every field is checked by the service, which names each bad one at once. */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ExperimentResponse> start(@RequestBody ExperimentRequest request,
            @AuthenticationPrincipal AccountPrincipal me) {
        Experiment started = experiments.start(request, me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/experiments/" + started.id()))
                .body(ExperimentResponse.of(started, null));
    }

    @GetMapping
    List<ExperimentResponse> list(@RequestParam(required = false) String domain) {
        return experiments.list(domain).stream().map(e -> ExperimentResponse.of(e, null)).toList();
    }

    @GetMapping("/{id}")
    ExperimentResponse experiment(@PathVariable long id) {
        Experiment experiment = experiments.get(id);
        return ExperimentResponse.of(experiment, experiments.latestPoint(id).orElse(null));
    }

    /** The points after a step (all of them without {@code after}), in step order: for polling. */
    @GetMapping("/{id}/points")
    List<PointResponse> points(@PathVariable long id, @RequestParam(defaultValue = "-1") int after) {
        return experiments.points(id, after).stream().map(PointResponse::of).toList();
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    ExperimentResponse cancel(@PathVariable long id) {
        Experiment experiment = experiments.cancel(id);
        return ExperimentResponse.of(experiment, experiments.latestPoint(id).orElse(null));
    }
}
