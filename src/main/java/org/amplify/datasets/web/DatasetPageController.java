package org.amplify.datasets.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amplify.datasets.DatasetRejectedException;
import org.amplify.datasets.DatasetService;
import org.amplify.datasets.RegisteredModel;
import org.amplify.datasets.Snapshot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Datasets page: every snapshot (of one domain, by its tab), newest first, with its round, size,
 * the model trained on it and the links that download it (nested JSON Lines, flat JSON Lines, flat CSV,
 * and for fine-tuning elsewhere the chat format and the preference pairs).
 */
@Controller
@RequestMapping("/datasets")
@PreAuthorize("hasRole('RESEARCHER')")
class DatasetPageController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final DatasetService datasets;

    DatasetPageController(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** @param domain only this domain's snapshots (every domain's when absent; an unknown one says so) */
    @GetMapping
    String list(@RequestParam(required = false) String domain, Model model) {
        String selected = domain == null || domain.isBlank() ? null : domain.strip();
        List<Snapshot> snapshots;
        try {
            snapshots = datasets.snapshots(selected);
        } catch (DatasetRejectedException e) {
            model.addAttribute("error", "No domain is named '" + selected + "': every domain's datasets are shown.");
            selected = null;
            snapshots = datasets.snapshots(null);
        }
        Map<Long, RegisteredModel> models = snapshots.stream().anyMatch(s -> s.modelVersionId() != null)
                ? datasets.models(null).stream().collect(Collectors.toMap(RegisteredModel::id, Function.identity()))
                : Map.of();
        List<DatasetRow> rows = snapshots.stream().sorted(Comparator.comparingLong(Snapshot::id).reversed())
                .map(s -> DatasetRow.of(s, s.modelVersionId() == null ? null : models.get(s.modelVersionId())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("domains", datasets.domains());
        model.addAttribute("domain", selected);
        model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "datasets/datasets";
    }

    /**
     * One snapshot as the page shows it.
     *
     * @param model the version its round trained on it, or null
     * @param created when it was taken, as pages show dates
     */
    public record DatasetRow(Snapshot snapshot, RegisteredModel model, String created) {

        static DatasetRow of(Snapshot snapshot, RegisteredModel model) {
            return new DatasetRow(snapshot, model, SHOWN.format(Instant.parse(snapshot.createdAt())));
        }

        public String transcripts() {
            return "/api/v1/snapshots/" + snapshot.id() + "/transcripts";
        }

        public String subquestions() {
            return "/api/v1/snapshots/" + snapshot.id() + "/subquestions";
        }

        public String subquestionsCsv() {
            return subquestions() + "?format=csv";
        }

        /** The chat-format dataset (system, user, assistant), for fine-tuning elsewhere. */
        public String chat() {
            return "/api/v1/snapshots/" + snapshot.id() + "/chat";
        }

        /** The preference pairs (prompt, chosen, rejected) where an expert corrected a model's answer. */
        public String preferences() {
            return "/api/v1/snapshots/" + snapshot.id() + "/preferences";
        }

        /** The Models page's tab of the domain, at the version's row. */
        public String modelLink() {
            return model == null ? null : "/models?domain=" + model.domain() + "#version-" + model.version();
        }
    }
}
