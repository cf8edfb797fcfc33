package org.amplify.models.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.EndpointRejectedException;
import org.amplify.models.ModelVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chat endpoints over the API (admins): register a language model as a version of {@code text}. */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "The registered model versions: metrics and lineage")
class ModelEndpointApiController {

    private final ChatEndpoints endpoints;

    ModelEndpointApiController(ChatEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping("/endpoints")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a chat-completions endpoint as the next text version (admins)",
            description = "Checks the settings, sends the endpoint one test request (\"Reply with the word OK.\") and "
                    + "registers it as a model version of kind ENDPOINT, with the text champion as its parent. Promote "
                    + "it (Models page) to let the copies ask it. The key is stored encrypted (apiKey) or read from an "
                    + "environment variable (apiKeyEnv) and never returned.",
            responses = {
                @ApiResponse(responseCode = "201", description = "registered"),
                @ApiResponse(responseCode = "400", description = "a bad setting, or the test request failed: the "
                        + "problem's field names it (errors[0].field too)",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class)))})
    ResponseEntity<EndpointVersionResponse> register(@Valid @RequestBody EndpointRequest request,
            @AuthenticationPrincipal AccountPrincipal me) {
        ModelVersion version = endpoints.register(request.registration(), me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/models/" + version.id()))
                .body(EndpointVersionResponse.of(version, endpoints.settings(version.id()).orElseThrow()));
    }

    @ExceptionHandler(EndpointRejectedException.class)
    ProblemDetail rejected(EndpointRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": "
                + e.getMessage());
        problem.setTitle("Endpoint not registered");
        problem.setProperty("field", e.field());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }
}
