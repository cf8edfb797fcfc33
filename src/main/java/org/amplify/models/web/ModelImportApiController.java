package org.amplify.models.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.models.ModelImport;
import org.amplify.models.ModelImportRefusedException;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Models over the API (admins): import a TorchScript file trained elsewhere. */
@RestController
@RequestMapping("/api/v1/models")
class ModelImportApiController {

    private final ModelImport imports;
    private final DataSize maxUpload;

    ModelImportApiController(ModelImport imports, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
        this.imports = imports;
        this.maxUpload = maxUpload;
    }

    /** multipart/form-data: {@code domain}, {@code file} (the TorchScript file), {@code note} (optional). */
    @PostMapping("/import")
    ResponseEntity<VersionResponse> importModel(@RequestParam(required = false) String domain,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String note,
            @AuthenticationPrincipal AccountPrincipal me) throws IOException {
        ModelVersion version = imports.importModel(domain, file == null ? null : file.getBytes(), note,
                me.getUsername());
        return ResponseEntity.status(HttpStatus.CREATED).body(VersionResponse.of(version));
    }

    @ExceptionHandler(ModelImportRefusedException.class)
    ProblemDetail refused(ModelImportRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Model not imported");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String detail = "The file is larger than the upload limit of " + ModelPageController.describe(maxUpload)
                + " (spring.servlet.multipart.max-file-size).";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setTitle("Model not imported");
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", detail)));
        return problem;
    }

    /** A registered version, as the API shows it. */
    record VersionResponse(long id, String domain, int version, Long parentId, ModelKind kind, String sha256,
            String note, Map<String, Object> metrics, Instant createdAt) {

        static VersionResponse of(ModelVersion v) {
            return new VersionResponse(v.id(), v.domain(), v.version(), v.parentId(), v.kind(), v.sha256(), v.note(),
                    v.metrics(), v.createdAt());
        }
    }
}
