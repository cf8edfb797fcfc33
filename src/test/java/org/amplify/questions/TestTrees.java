package org.amplify.questions;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelSize;
import org.amplify.models.ModelVersion;
import org.springframework.stereotype.Component;

import static org.awaitility.Awaitility.await;

/** Trees, models and waits the questions tests share. */
@Component
public class TestTrees {

    public static final Duration ANSWERS = Duration.ofSeconds(30);

    private final QuestionService questions;
    private final ModelRegistry registry;

    TestTrees(QuestionService questions, ModelRegistry registry) {
        this.questions = questions;
        this.registry = registry;
    }

    /** An untrained permutation-powering model, promoted: its copies are unsure, so they disagree. */
    public synchronized ModelVersion promotedUntrainedModel() {
        return registry.champion(PermutationPowering.NAME).orElseGet(() -> {
            try (AnswerModel model = AnswerModel.create(new PermutationPowering(), ModelSize.DEFAULT, 1e-3f, 7)) {
                ModelVersion version = registry.register(model, ModelKind.IA, null, Map.of("note", "untrained"));
                return registry.promote(version.id(), "tests");
            }
        });
    }

    /** A permutation tree of size 8 from a fixed seed; returns the owner's root workspace. */
    public long permutationTree(long ownerId, Integer workspaces, Integer depth, Integer modelCalls) {
        return questions.createTree(new NewTree("permutation-powering", firstName() + " 0 0 0 1 0 1", null, 8, 42L,
                modelCalls, workspaces, depth, null), ownerId);
    }

    /** A name the seed-42 context of size 8 has (its first fact's). */
    public String firstName() {
        return questions.exampleQuestion("permutation-powering") == null ? "?" : contextNames()[0];
    }

    /** The names of the seed-42 context, in fact order. */
    public String[] contextNames() {
        var d = new PermutationPowering();
        var context = d.generate(8, new java.util.SplittableRandom(42L));
        String[] names = new String[context.facts().length];
        for (int i = 0; i < names.length; i++) {
            names[i] = d.vocabulary().symbol(context.facts()[i][0]);
        }
        return names;
    }

    /** Waits until the subquestion's status is no longer OPEN (the copies, memory or the context answered). */
    public Subquestion answered(long workspaceId, long subquestionId) {
        return until(workspaceId, subquestionId, s -> s.status() != SubquestionStatus.OPEN);
    }

    public Subquestion until(long workspaceId, long subquestionId, Predicate<Subquestion> condition) {
        Subquestion[] found = new Subquestion[1];
        await().atMost(ANSWERS).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = questions.workspace(workspaceId).subquestions().stream().filter(s -> s.id() == subquestionId)
                    .findFirst().orElseThrow();
            return condition.test(found[0]);
        });
        return found[0];
    }
}
