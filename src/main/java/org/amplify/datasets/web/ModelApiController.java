package org.amplify.datasets.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.amplify.datasets.DatasetRejectedException;
import org.amplify.datasets.DatasetService;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The model registry, read-only, for researchers: versions, metrics, lineage. */
@RestController
@RequestMapping("/api/v1/models")
@PreAuthorize("hasRole('RESEARCHER')")
@Tag(name = "Models", description = "The registered model versions: metrics and lineage")
class ModelApiController {

    private final DatasetService datasets;

    ModelApiController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    @Operation(summary = "Model versions, by domain then version")
    List<ModelResponse> models(@Parameter(description = "only this domain's", example = "text")
            @RequestParam(required = false) String domain) {
        return datasets.models(domain).stream().map(ModelResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One model version, its metrics and lineage")
    ModelResponse model(@Parameter(description = "the version's id", example = "7") @PathVariable long id) {
        return ModelResponse.of(datasets.model(id));
    }

    @ExceptionHandler(DatasetRejectedException.class)
    ProblemDetail rejected(DatasetRejectedException e) {
        return ExportResponses.rejected(e);
    }
}
