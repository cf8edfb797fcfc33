package org.amplify.amplification;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Embeddings of the endpoint copies' answers, for grouping them by meaning: by the encoder of the
 * small {@code text} model (the student, else the newest registered text version trained here or
 * imported; never an endpoint). Empty when the domain has none, or it cannot be loaded: then the answers are grouped by
 * their normalised text.
 */
@Component
class AnswerEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(AnswerEmbeddings.class);
    private static final Set<ModelKind> SMALL = Set.of(ModelKind.ROUND, ModelKind.SL, ModelKind.IA, ModelKind.IMPORT);

    private final ModelRegistry registry;
    private final CopyPool copies;

    AnswerEmbeddings(ModelRegistry registry, CopyPool copies) {
        this.registry = registry;
        this.copies = copies;
    }

    /**
     * The small text model whose encoder groups the answers, if there is one: the domain's student
     * ({@link ModelRegistry#student}), else the newest text version trained here or imported.
     */
    Optional<ModelVersion> encoder() {
        return registry.student(TextModel.DOMAIN).or(() -> registry.versions(TextModel.DOMAIN).stream()
                .filter(v -> SMALL.contains(v.kind())).findFirst());
    }

    /**
     * {@code [member][answer]}, each row L2-normalised, by the encoder ({@link #encoder()}); empty:
     * group by normalised text.
     */
    Optional<float[][][]> of(ModelVersion encoder, List<String> answers) {
        if (answers.size() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(copies.textEmbeddings(encoder, answers));
        } catch (RuntimeException e) {
            log.warn("Text v{} could not embed the endpoint copies' answers; they are grouped by their text",
                    encoder.version(), e);
            return Optional.empty();
        }
    }
}
