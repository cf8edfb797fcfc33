package org.amplify.amplification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amplify.models.ModelKind;
import org.amplify.models.ModelRegistry;
import org.amplify.models.ModelVersion;
import org.amplify.models.TextExample;
import org.amplify.models.TextModel;
import org.amplify.models.TextTraining;
import org.amplify.questions.NewTree;
import org.amplify.questions.QuestionService;
import org.amplify.questions.WorkspaceService;
import org.springframework.stereotype.Component;

/** A text champion and answered text questions with their decompositions, for the suggestion tests. */
@Component
public class TestSuggestions {

    /** Questions in groups of paraphrases, each group with its answer first. */
    static final String[][] GROUPS = {
        {"blue", "what colour is the sky", "the colour of the sky?", "which colour does the sky have", "sky colour",
            "what is the colour of a clear sky"},
        {"paris", "what is the capital of france", "capital city of france?", "which city is france's capital",
            "france capital", "name the capital of france"},
        {"4", "what is two plus two", "two plus two?", "how much is 2 plus 2", "sum of two and two",
            "what do two and two make"},
        {"mammal", "what kind of animal is a whale", "is a whale a fish or a mammal", "whale animal class",
            "which class of animals do whales belong to", "the whale is what kind of animal"},
        {"h2o", "what is the chemical formula of water", "formula for water?", "water chemical formula",
            "how is water written in chemistry", "what formula does water have"}};

    /** How experts split the first phrasing of four groups: the question, then its subquestions in order. */
    static final String[][] DECOMPOSITIONS = {
        {"what is the capital of france", "Which country is France?", "Where does the government of France sit?",
            "What is the largest city of France?"},
        {"what colour is the sky", "What colour is sunlight?", "How does air scatter light?"},
        {"what is the chemical formula of water", "Which elements make up water?",
            "How many hydrogen atoms are in a water molecule?"},
        {"what kind of animal is a whale", "Does a whale breathe air?", "Does a whale feed its young milk?"}};

    private final ModelRegistry registry;
    private final QuestionService questions;
    private final WorkspaceService work;

    TestSuggestions(ModelRegistry registry, QuestionService questions, WorkspaceService work) {
        this.registry = registry;
        this.questions = questions;
        this.work = work;
    }

    /** A text model trained on every phrasing of the groups, promoted (once per application context). */
    public synchronized ModelVersion promotedTextModel() {
        return registry.champion(TextModel.DOMAIN).orElseGet(() -> {
            List<TextExample> examples = new ArrayList<>();
            for (String[] group : GROUPS) {
                for (int i = 1; i < group.length; i++) {
                    examples.add(TextExample.of(group[i], group[0]));
                }
            }
            try (TextModel model = TextModel.train(examples, null, TextTraining.defaults(), 11, null, null)) {
                ModelVersion version = registry.register(model, ModelKind.ROUND, null, Map.of("note", "suggestion tests"));
                return registry.promote(version.id(), "tests");
            }
        });
    }

    /**
     * Each decomposition as a submitted text workspace of its own tree (its subquestions asked, the
     * answer given), plus one answered question that asked nothing; returns the workspaces in order.
     */
    public List<Long> answeredDecompositions(long expertId) {
        List<Long> workspaces = new ArrayList<>();
        for (String[] decomposition : DECOMPOSITIONS) {
            long ws = questions.createTree(new NewTree("text", decomposition[0], "", null, null, null, null, null, null),
                    expertId);
            for (int i = 1; i < decomposition.length; i++) {
                work.ask(ws, decomposition[i], "", expertId);
            }
            work.submit(ws, questions.workspace(ws).version(), "an answer", expertId);
            workspaces.add(ws);
        }
        long plain = questions.createTree(new NewTree("text", "what is two plus two", "", null, null, null, null, null,
                null), expertId);
        work.submit(plain, questions.workspace(plain).version(), "4", expertId);
        return workspaces;
    }
}
