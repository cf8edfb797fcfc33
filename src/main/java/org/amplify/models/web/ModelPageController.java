package org.amplify.models.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Domains;
import org.amplify.models.ChampionChange;
import org.amplify.models.ChatEndpoints;
import org.amplify.models.EndpointRejectedException;
import org.amplify.models.EndpointSettings;
import org.amplify.models.ModelArtifactException;
import org.amplify.models.ModelImport;
import org.amplify.models.ModelImportRefusedException;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.ModelVersionNotFoundException;
import org.amplify.models.TextModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The Models page: per domain, its registered versions newest first with the champion marked, their
 * lineage as a picture, and the champion history; admins promote a version or roll back to an older one,
 * import a TorchScript file trained elsewhere, and register a language model behind a chat endpoint
 * (shown with its settings, never its key).
 */
@Controller
@RequestMapping("/models")
class ModelPageController {

    private final ModelRegistry registry;
    private final Domains domains;
    private final ModelImport imports;
    private final ChatEndpoints endpoints;
    private final DataSize maxUpload;

    ModelPageController(ModelRegistry registry, Domains domains, ModelImport imports, ChatEndpoints endpoints,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
        this.registry = registry;
        this.domains = domains;
        this.imports = imports;
        this.endpoints = endpoints;
        this.maxUpload = maxUpload;
    }

    @GetMapping
    String list(@RequestParam(required = false) String domain, Model model) {
        List<String> names = domainNames();
        String selected = domain != null && names.contains(domain) ? domain : names.get(0);
        List<ModelVersion> versions = registry.versions(selected);
        ModelVersion champion = registry.champion(selected).orElse(null);
        Map<Long, ModelVersion> byId = new HashMap<>();
        versions.forEach(version -> byId.put(version.id(), version));

        List<VersionRow> rows = new ArrayList<>();
        Map<Long, String> tooltips = new HashMap<>();
        for (ModelVersion version : versions) {
            ModelVersion parent = version.parentId() == null ? null
                    : Optional.ofNullable(byId.get(version.parentId())).or(() -> registry.find(version.parentId()))
                            .orElse(null);
            String metrics = keyMetrics(version.metrics());
            boolean isChampion = champion != null && champion.id() == version.id();
            EndpointSettings endpoint = version.kind() == ModelKind.ENDPOINT
                    ? endpoints.settings(version.id()).orElse(null) : null;
            rows.add(new VersionRow(version, parent, metrics, isChampion,
                    champion != null && version.version() < champion.version(), endpoint));
            tooltips.put(version.id(), "v" + version.version() + " · " + version.kind()
                    + (endpoint == null ? "" : " · " + endpoint.model()
                            + (endpoint.trainedOnSnapshotId() == null ? ""
                                    : " · fine-tuned on snapshot " + endpoint.trainedOnSnapshotId()))
                    + (isChampion ? " · champion" : "") + (metrics.isEmpty() ? "" : " · " + metrics));
        }
        List<HistoryRow> history = registry.championHistory(selected).stream()
                .map(change -> new HistoryRow(change, versionOf(change.versionId(), byId),
                        change.previousVersionId() == null ? null : versionOf(change.previousVersionId(), byId)))
                .toList();

        model.addAttribute("domains", names);
        TreeSet<String> importable = new TreeSet<>(names);
        importable.add(TextModel.DOMAIN);
        model.addAttribute("importDomains", importable);
        model.addAttribute("maxUpload", describe(maxUpload));
        model.addAttribute("domain", selected);
        model.addAttribute("description", domains.find(selected).map(AlgorithmicDomain::description).orElse(null));
        model.addAttribute("champion", champion);
        model.addAttribute("rows", rows);
        model.addAttribute("history", history);
        model.addAttribute("lineage", Lineage.of(versions, champion == null ? null : champion.id(), tooltips));
        if (!model.containsAttribute("endpointForm")) {
            model.addAttribute("endpointForm", EndpointForm.empty());
        }
        return "models/models";
    }

    /**
     * Registers a chat endpoint as the next version of {@code text}, after its test request; bad settings
     * or a failed test request come back on the form, on their field, with status 400.
     */
    @PostMapping("/endpoints")
    @PreAuthorize("hasRole('ADMIN')")
    String registerEndpoint(@Valid @ModelAttribute("endpointForm") EndpointForm form, BindingResult binding,
            @AuthenticationPrincipal AccountPrincipal me, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                ModelVersion version = endpoints.register(form.registration(), me.getUsername());
                redirect.addAttribute("domain", version.domain());
                redirect.addFlashAttribute("success", "Registered " + form.model().trim() + " at "
                        + form.baseUrl().trim() + " as " + version.domain() + " v" + version.version()
                        + ": it answered the test request. Promote it to let the copies ask it.");
                return "redirect:/models";
            } catch (EndpointRejectedException e) {
                binding.rejectValue(e.field(), "rejected", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("endpointError", true);
        return list(TextModel.DOMAIN, model);
    }

    @PostMapping("/{id}/promote")
    @PreAuthorize("hasRole('ADMIN')")
    String promote(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        ModelVersion version = registry.find(id).orElseThrow(() -> new ModelVersionNotFoundException(id));
        Optional<ModelVersion> before = registry.champion(version.domain());
        redirect.addAttribute("domain", version.domain());
        String name = version.domain() + " v" + version.version();
        if (before.isPresent() && before.get().id() == id) {
            redirect.addFlashAttribute("success", name + " is already the champion.");
            return "redirect:/models";
        }
        try {
            registry.promote(id, me.getUsername());
        } catch (ModelArtifactException e) {
            redirect.addFlashAttribute("error", name + " was not promoted: " + e.getMessage() + ".");
            return "redirect:/models";
        }
        boolean rollBack = before.isPresent() && version.version() < before.get().version();
        redirect.addFlashAttribute("success", (rollBack
                ? "Rolled back: " + name + " is the champion again, instead of v" + before.get().version()
                : name + " is the champion now" + before.map(b -> ", instead of v" + b.version()).orElse(""))
                + ". Copies serving " + version.domain() + " switch to it.");
        return "redirect:/models";
    }

    /**
     * Imports a TorchScript file as the next version of a domain, after checking it; a refused file is
     * reported with the reason, and nothing is registered.
     */
    @PostMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importModel(@RequestParam(required = false) String domain,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String note,
            @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) throws IOException {
        if (domain != null && !domain.isBlank()) {
            redirect.addAttribute("domain", domain);
        }
        try {
            ModelVersion version = imports.importModel(domain, file == null ? null : file.getBytes(), note,
                    me.getUsername());
            redirect.addFlashAttribute("success", "Imported " + (file.getOriginalFilename() == null ? "the file"
                    : file.getOriginalFilename()) + " as " + version.domain() + " v" + version.version()
                    + ": it loads and answers the sample. Promote it to let the copies serve it.");
        } catch (ModelImportRefusedException e) {
            redirect.addFlashAttribute("error", "Not imported: " + e.getMessage());
        }
        return "redirect:/models";
    }

    /** A file over the upload limit: said on the page rather than as an error page. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("error", "Not imported: the file is larger than the "
                + "upload limit of " + describe(maxUpload) + " (spring.servlet.multipart.max-file-size).");
        return "redirect:/models";
    }

    static String describe(DataSize size) {
        return size.toMegabytes() >= 1 && size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB"
                : size.toKilobytes() >= 1 && size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB"
                : size.toBytes() + " bytes";
    }

    /** The algorithmic domains, {@code text} (even before its first model), and any other domain with versions. */
    private List<String> domainNames() {
        TreeSet<String> names = new TreeSet<>();
        domains.algorithmic().forEach(domain -> names.add(domain.name()));
        names.add(org.amplify.models.TextModel.DOMAIN);
        names.addAll(registry.domains());
        return List.copyOf(names);
    }

    private Integer versionOf(long id, Map<Long, ModelVersion> byId) {
        ModelVersion version = byId.get(id);
        return version != null ? Integer.valueOf(version.version())
                : registry.find(id).map(ModelVersion::version).orElse(null);
    }

    /** The metrics worth a glance: held-out accuracy and training steps, when the version has them. */
    static String keyMetrics(Map<String, Object> metrics) {
        List<String> parts = new ArrayList<>();
        if (metrics.get("accuracy") instanceof Number accuracy) {
            parts.add(String.format(Locale.ROOT, "accuracy %.1f %%", accuracy.doubleValue() * 100));
        }
        if (metrics.get("steps") instanceof Number steps) {
            parts.add(steps.longValue() + " steps");
        }
        if (Boolean.TRUE.equals(metrics.get("cancelled"))) {
            parts.add("cancelled run");
        }
        return String.join(" · ", parts);
    }

    /**
     * One line of the versions table.
     *
     * @param parent the version it was trained from, if any
     * @param olderThanChampion promoting it is a roll back
     */
    public record VersionRow(ModelVersion version, ModelVersion parent, String keyMetrics, boolean champion,
            boolean olderThanChampion, EndpointSettings endpoint) {

        /** The first 12 hex digits of the file's SHA-256; an endpoint has no file: "–". */
        public String shortSha256() {
            return version.sha256() == null ? "–" : version.sha256().substring(0, 12);
        }
    }

    /** One line of the champion history, with version numbers. */
    public record HistoryRow(ChampionChange change, Integer version, Integer previousVersion) {}
}
