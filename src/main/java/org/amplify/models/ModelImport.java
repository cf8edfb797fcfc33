package org.amplify.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Domains;
import org.amplify.domains.Question;
import org.amplify.models.internal.TorchScriptModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a TorchScript file trained elsewhere as the next version of a domain, after checking it: it
 * loads with DJL's PyTorch engine, answers a sample of the domain, and its outputs have the contract's
 * shape and type and are finite (the contract: README, "Importing a model"). A refused file leaves
 * nothing behind; an accepted one is registered like any other version, of kind
 * {@link ModelKind#IMPORT}, with the admin's note, the check's metrics and the current champion as its
 * parent.
 */
@Service
public class ModelImport {

    private static final Logger log = LoggerFactory.getLogger(ModelImport.class);

    /** The questions an imported model of an algorithmic domain answers before it is accepted. */
    public static final int SAMPLE_QUESTIONS = 64;
    public static final int MAX_NOTE_LENGTH = 2000;
    private static final long SAMPLE_SEED = 6;
    private static final List<String> SAMPLE_TEXTS = List.of("What is the capital of France?", "?",
            "Ünïcödé ✓ — 日本語のテキスト", "x".repeat(ImportedTextModel.MAX_BYTES + 100));

    private final ModelRegistry registry;
    private final Domains domains;

    ModelImport(ModelRegistry registry, Domains domains) {
        this.registry = registry;
        this.domains = domains;
    }

    /**
     * Checks and registers a TorchScript file.
     *
     * @param note where the model comes from, how it was trained (may be empty)
     * @param by the user name of the admin
     * @throws ModelImportRefusedException with the reason, when the file is not accepted
     */
    public ModelVersion importModel(String domain, byte[] content, String note, String by) {
        if (domain == null || domain.isBlank()) {
            throw new ModelImportRefusedException("domain", "The field 'domain' is missing: name the domain the "
                    + "model answers (" + TextModel.DOMAIN + " or an algorithmic task).");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE_LENGTH) {
            throw new ModelImportRefusedException("note", "The note is longer than " + MAX_NOTE_LENGTH + " characters.");
        }
        if (content == null || content.length == 0) {
            throw new ModelImportRefusedException("file", "No file, or an empty one: choose a TorchScript file (.pt).");
        }
        long start = System.nanoTime();
        Map<String, Object> metrics = new LinkedHashMap<>();
        Long parentId;
        if (TextModel.DOMAIN.equals(domain)) {
            parentId = checkText(content, metrics);
        } else {
            AlgorithmicDomain algorithmic = domains.find(domain == null ? "" : domain).orElseThrow(() ->
                    new ModelImportRefusedException("domain", "Unknown domain '" + domain + "'."));
            parentId = checkAlgorithmic(algorithmic, content, metrics);
        }
        metrics.put("fileBytes", content.length);
        metrics.put("importedBy", by);
        metrics.put("engine", "PyTorch " + TorchScriptModule.engineVersion());
        metrics.put("checkMillis", (System.nanoTime() - start) / 1_000_000);
        ModelVersion version = registry.registerImport(domain, content, parentId, metrics, cleanNote);
        log.info("{} imported a TorchScript model as {} v{} (id {}): {}", by, domain, version.version(), version.id(),
                metrics);
        return version;
    }

    /** Loads the module and has it answer a sample of generated questions; returns the parent. */
    private Long checkAlgorithmic(AlgorithmicDomain domain, byte[] content, Map<String, Object> metrics) {
        SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
        int[] sizes = {domain.defaultSize(), Math.min(domain.maxSize(), 2 * domain.defaultSize())};
        List<ModelInput> inputs = new ArrayList<>();
        int[] truth = new int[SAMPLE_QUESTIONS];
        Context context = null;
        for (int i = 0; i < SAMPLE_QUESTIONS; i++) {
            if (i % 4 == 0) { // four questions per context, of two sizes: rows of a batch differ in length
                context = domain.generate(sizes[(i / 4) % 2], random);
            }
            Question question = domain.randomQuestion(context, random);
            inputs.add(new ModelInput(context.facts(), question));
            truth[i] = domain.solve(context, question);
        }
        float[][] logits;
        try (ImportedAnswerModel model = ImportedAnswerModel.load(domain, content)) {
            logits = model.logits(inputs);
        } catch (TorchScriptModule.Refusal e) {
            throw refused(domain.name(), e);
        }
        int right = 0;
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int token = 1; token < logits[i].length; token++) {
                if (logits[i][token] > logits[i][best]) {
                    best = token;
                }
            }
            right += best == truth[i] ? 1 : 0;
        }
        metrics.put("accuracy", (double) right / SAMPLE_QUESTIONS);
        metrics.put("sampleQuestions", SAMPLE_QUESTIONS);
        metrics.put("sampleSizes", List.of(sizes[0], sizes[1]));
        return registry.champion(domain.name()).map(ModelVersion::id).orElse(null);
    }

    /**
     * Loads the encoder with the text champion's memories (which embeds every remembered question) and
     * has it embed a few more texts; returns the parent, the champion.
     */
    private Long checkText(byte[] content, Map<String, Object> metrics) {
        ModelVersion champion = registry.champion(TextModel.DOMAIN).orElseThrow(() ->
                new ModelImportRefusedException("domain", "An imported text encoder answers with the answers of the "
                        + "questions the text champion remembers, and the text domain has no champion yet: "
                        + "promote a text model (from a distillation round) first."));
        List<Map<String, String>> memories = new ArrayList<>();
        try (ServedTextModel parent = registry.serveText(champion)) {
            for (int m = 0; m < parent.members(); m++) {
                memories.add(parent.memory(m));
            }
        } catch (ModelArtifactException e) {
            throw new ModelImportRefusedException("domain", "The text champion v" + champion.version()
                    + ", whose remembered questions the encoder would answer from, cannot be read: " + e.getMessage());
        }
        try (ImportedTextModel model = ImportedTextModel.load(content, memories)) {
            model.embed(SAMPLE_TEXTS);
            metrics.put("width", model.width());
        } catch (TorchScriptModule.Refusal e) {
            throw refused(TextModel.DOMAIN, e);
        }
        metrics.put("members", memories.size());
        metrics.put("rememberedQuestions", memories.stream().mapToInt(Map::size).sum());
        metrics.put("sampleTexts", SAMPLE_TEXTS.size());
        return champion.id();
    }

    private static ModelImportRefusedException refused(String domain, TorchScriptModule.Refusal e) {
        log.info("A TorchScript import for {} was refused: {}", domain, e.getMessage());
        String reason = e.getMessage();
        return new ModelImportRefusedException("file", "Not accepted for " + domain + ": "
                + reason + ". See \"Importing a model\" in the README for what a module must take and answer.");
    }
}
