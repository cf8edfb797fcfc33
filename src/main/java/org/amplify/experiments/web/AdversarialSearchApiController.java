package org.amplify.experiments.web;

import java.net.URI;
import java.util.List;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.experiments.AdversarialSearchRequest;
import org.amplify.experiments.AdversarialSearchRun;
import org.amplify.experiments.AdversarialSearchService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Adversarial searches over the API: researchers and admins read them; admins start them. */
@RestController
@RequestMapping("/api/v1/adversarial-searches")
@PreAuthorize("hasRole('RESEARCHER')")
class AdversarialSearchApiController {

    private final AdversarialSearchService searches;

    AdversarialSearchApiController(AdversarialSearchService searches) {
        this.searches = searches;
    }

    /** Every field is checked by the service, which names each bad one at once. */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AdversarialSearchResponse> start(@RequestBody AdversarialSearchRequest request,
            @AuthenticationPrincipal AccountPrincipal me) {
        AdversarialSearchRun started = searches.start(request, me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/adversarial-searches/" + started.id()))
                .body(AdversarialSearchResponse.of(started, null));
    }

    @GetMapping
    List<AdversarialSearchResponse> list() {
        return searches.list().stream().map(s -> AdversarialSearchResponse.of(s, null)).toList();
    }

    @GetMapping("/{id}")
    AdversarialSearchResponse search(@PathVariable long id) {
        return AdversarialSearchResponse.of(searches.get(id), searches.foundCases(id));
    }
}
