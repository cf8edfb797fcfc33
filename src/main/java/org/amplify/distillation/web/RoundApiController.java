package org.amplify.distillation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.distillation.DistillationService;
import org.amplify.distillation.RoundRejectedException;
import org.amplify.distillation.RoundRequest;
import org.amplify.models.ModelNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Distillation rounds over the API (admins): start, list, follow, cancel. */
@RestController
@RequestMapping("/api/v1/rounds")
class RoundApiController {

    private final DistillationService distillation;
    private final ModelNames names;

    RoundApiController(DistillationService distillation, ModelNames names) {
        this.distillation = distillation;
        this.names = names;
    }

    @PostMapping
    ResponseEntity<RoundResponse> start(@RequestBody RoundRequest request, @AuthenticationPrincipal AccountPrincipal me) {
        RoundResponse started = RoundResponse.of(distillation.start(request, me.getUsername()), names);
        return ResponseEntity.created(URI.create("/api/v1/rounds/" + started.id())).body(started);
    }

    @GetMapping
    List<RoundResponse> list(@RequestParam(required = false) String domain) {
        return distillation.list(domain).stream().map(round -> RoundResponse.of(round, names)).toList();
    }

    @GetMapping("/{id}")
    RoundResponse round(@PathVariable long id) {
        return RoundResponse.of(distillation.get(id), names);
    }

    @PostMapping("/{id}/cancel")
    RoundResponse cancel(@PathVariable long id) {
        return RoundResponse.of(distillation.cancel(id), names);
    }

    @ExceptionHandler(RoundRejectedException.class)
    ProblemDetail rejected(RoundRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.conflict() ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(e.conflict() ? "Conflict" : "Invalid request");
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return problem;
    }
}
