package org.amplify.models;

import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code text} domain's model: members answer paraphrases they were not trained on, disagree
 * where they were trained on different samples, learn vote shares from soft targets, start from their
 * parent, save and load, and report progress and cancellation.
 */
class TextModelTests {

    /** Six answers, each asked in eight ways: the first six train, the last two are held out. */
    private static final Map<String, List<String>> GROUPS = TextParaphrases.GROUPS;

    private static final List<String> TRAINING_FORMS = List.of("%s", "please, %s?", "quick question: %s");
    private static final List<String> HELD_OUT_FORMS = List.of("%s", "i wonder %s");
    private static final TextTraining TRAINING = TextTraining.defaults();

    private static TextModel model;

    @BeforeAll
    static void trainOnce() {
        model = TextModel.train(examples(Map.of()), null, TRAINING, 1, null, null);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void membersAnswerHeldOutParaphrasesWithTheRightAnswer() {
        Map<String, String> heldOut = heldOut();
        int[] memberRight = new int[model.members()];
        int majorityRight = 0;
        for (Map.Entry<String, String> question : heldOut.entrySet()) {
            Map<String, Integer> votes = new HashMap<>();
            for (int m = 0; m < model.members(); m++) {
                TextAnswer answer = model.answer(m, question.getKey());
                assertThat(answer.similarity()).isBetween(-1.0, 1.0);
                assertThat(answer.nearestQuestion()).isNotBlank();
                votes.merge(answer.answer(), 1, Integer::sum);
                if (answer.answer().equals(question.getValue())) {
                    memberRight[m]++;
                }
            }
            if (votes.getOrDefault(question.getValue(), 0) * 2 > model.members()) {
                majorityRight++;
            }
        }
        assertThat(majorityRight).as("held-out paraphrases the majority of the members answers right")
                .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * heldOut.size()));
        for (int right : memberRight) {
            assertThat(right).as("held-out paraphrases one member answers right").isGreaterThan(heldOut.size() / 2);
        }
        assertThat(model.domain()).isEqualTo("text");
        assertThat(model.members()).isEqualTo(TRAINING.members());
    }

    @Test
    void aBatchOfEmbeddingsIsEachTextsEmbeddingAndTheNearestOneIsTheAnswersQuestion() {
        List<String> texts = List.of("what colour is the sky", "what is the capital of france");
        for (int m = 0; m < model.members(); m++) {
            float[][] rows = model.embeddings(m, texts);
            assertThat(rows).hasNumberOfRows(2);
            for (int t = 0; t < texts.size(); t++) {
                assertThat(rows[t]).containsExactly(model.embed(m, texts.get(t)), org.assertj.core.data.Offset.offset(1e-5f));
                double norm = 0;
                for (float value : rows[t]) {
                    norm += value * value;
                }
                assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            }
            TextAnswer answer = model.answer(m, texts.get(0));
            float[] nearest = model.embeddings(m, List.of(answer.nearestQuestion()))[0];
            double similarity = 0;
            for (int i = 0; i < nearest.length; i++) {
                similarity += rows[0][i] * nearest[i];
            }
            assertThat(similarity).isCloseTo(answer.similarity(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void trainingSeparatesTheAnswersMoreThanTheStartingWeightsDo() {
        List<TextExample> examples = examples(Map.of());
        // the same seed: the weights the shared model started from
        try (TextModel untrained = TextModel.train(examples, null, TRAINING.withEpochs(0), 1, null, null)) {
            assertThat(margin(model)).as("how much nearer a held-out question is to its own answer's questions")
                    .isGreaterThan(margin(untrained) + 0.1);
            assertThat(model.loss(examples)).isLessThan(untrained.loss(examples) / 4);
        }
    }

    @Test
    void aSavedAndLoadedModelAnswersAndEmbedsIdentically() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        model.save(file);
        byte[] bytes = file.toByteArray();
        try (TextModel loaded = TextModel.load(new ByteArrayInputStream(bytes))) {
            assertThat(loaded.members()).isEqualTo(model.members());
            assertThat(loaded.answers()).isEqualTo(model.answers());
            List<String> questions = new ArrayList<>(heldOut().keySet());
            questions.add("something else entirely");
            for (int m = 0; m < model.members(); m++) {
                for (String question : questions) {
                    assertThat(loaded.answer(m, question)).isEqualTo(model.answer(m, question));
                    assertThat(loaded.embed(m, question)).containsExactly(model.embed(m, question));
                }
            }
            List<TextExample> examples = examples(Map.of());
            assertThat(loaded.loss(examples)).isEqualTo(model.loss(examples));
        }
        byte[] otherFormat = bytes.clone();
        otherFormat[7] = 99;
        assertThatThrownBy(() -> TextModel.load(new ByteArrayInputStream(otherFormat)))
                .isInstanceOf(MalformedModelException.class).hasMessageContaining("format 99");
        assertThatThrownBy(() -> TextModel.load(new ByteArrayInputStream("hello".repeat(10).getBytes())))
                .isInstanceOf(MalformedModelException.class);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> TextModel.load(new ByteArrayInputStream(truncated)))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void embeddingsAreUnitVectors() {
        float[] embedding = model.embed(1, "what colour is the sky");
        assertThat(embedding).hasSize(TRAINING.width());
        double norm = 0;
        for (float x : embedding) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void softTargetsTrainVoteSharesNotOnlyTheMajority() {
        List<TextExample> soft = examples(Map.of("blue", Map.of("blue", 0.6, "grey", 0.4)));
        List<TextExample> hard = examples(Map.of("blue", Map.of("blue", 1.0)));
        try (TextModel onShares = TextModel.train(soft, null, TRAINING, 7, null, null);
                TextModel onMajority = TextModel.train(hard, null, TRAINING, 7, null, null)) {
            assertThat(onShares.embed(0, "what colour is the sky")).as("weights trained on other targets")
                    .isNotEqualTo(onMajority.embed(0, "what colour is the sky"));
            double sharesOnSoft = onShares.loss(soft);
            double sharesOnHard = onShares.loss(hard);
            double majorityOnSoft = onMajority.loss(soft);
            double majorityOnHard = onMajority.loss(hard);
            assertThat(sharesOnSoft).as("each model has the lower loss on its own kind of targets")
                    .isLessThan(majorityOnSoft);
            assertThat(majorityOnHard).isLessThan(sharesOnHard);
            assertThat(sharesOnSoft).as("the loss on vote shares is not the loss on their majority")
                    .isNotEqualTo(sharesOnHard);
            // the soft model learned the shares: on a blue question, 'grey' is about 0.4
            List<TextExample> greyOnly = List.of(TextExample.of("what colour is the sky", "grey"));
            assertThat(Math.exp(-onShares.loss(greyOnly))).isBetween(0.25, 0.55);
            assertThat(onShares.answer(0, "which color is the sky").answer()).isEqualTo("blue");
        }
    }

    @Test
    void aModelTrainedFromAParentStartsFromItsWeightsAndKeepsWhatItKnew() {
        List<TextExample> fresh = new ArrayList<>();
        List<String> opposite = List.of("what is the opposite of hot", "hot's opposite?", "the opposite of hot is what",
                "which word means the opposite of hot", "tell me the opposite of hot", "opposite of hot");
        for (String question : opposite) {
            for (String form : TRAINING_FORMS) {
                fresh.add(TextExample.of(form.formatted(question), "cold"));
            }
        }
        try (TextModel untrained = TextModel.train(fresh, model, TRAINING.withEpochs(0), 3, null, null);
                TextModel child = TextModel.train(fresh, model, TRAINING, 3, null, null)) {
            assertThat(untrained.answers()).startsWith(model.answers().toArray(String[]::new)).endsWith("cold");
            for (int m = 0; m < model.members(); m++) {
                for (String question : heldOut().keySet()) {
                    assertThat(untrained.embed(m, question)).as("the parent's encoder, before any step")
                            .containsExactly(model.embed(m, question));
                }
            }
            Map<String, String> heldOut = heldOut();
            heldOut.put("what is the opposite of cold... no, of hot", "cold");
            heldOut.put("i wonder what the opposite of hot is", "cold");
            int right = 0;
            for (Map.Entry<String, String> question : heldOut.entrySet()) {
                int votes = 0;
                for (int m = 0; m < child.members(); m++) {
                    if (child.answer(m, question.getKey()).answer().equals(question.getValue())) {
                        votes++;
                    }
                }
                right += votes * 2 > child.members() ? 1 : 0;
            }
            assertThat(right).as("the child answers what its parent knew, and what it learned")
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * heldOut.size()));
            assertThat(child.answer(0, "what colour is the sky").answer()).isEqualTo("blue");
            assertThat(child.answer(0, "what is the opposite of hot").answer()).isEqualTo("cold");
        }
    }

    @Test
    void membersTrainedOnDifferentBootstrapSamplesDiffer() {
        String ambiguous = "what colour is france";
        List<Double> similarities = new ArrayList<>();
        for (int m = 0; m < model.members(); m++) {
            similarities.add(model.answer(m, ambiguous).similarity());
        }
        assertThat(similarities).as("the members' similarities on an ambiguous question").doesNotHaveDuplicates();
        assertThat(model.embed(0, ambiguous)).isNotEqualTo(model.embed(1, ambiguous));
        assertThat(model.embed(1, "who wrote hamlet")).isNotEqualTo(model.embed(2, "who wrote hamlet"));
        // questions between two answers: the members' votes split on some of them
        Map<String, Set<String>> votes = new java.util.LinkedHashMap<>();
        for (String question : List.of(ambiguous, "what is two fish", "the sky of france", "who wrote the sky")) {
            for (int m = 0; m < model.members(); m++) {
                votes.computeIfAbsent(question, q -> new java.util.TreeSet<>()).add(model.answer(m, question).answer());
            }
        }
        assertThat(votes.values()).as("the members' answers to ambiguous questions " + votes)
                .anySatisfy(answers -> assertThat(answers).hasSizeGreaterThan(1));
    }

    @Test
    void progressCountsToTheTotalAndCancellationStopsTraining() {
        List<TextExample> examples = examples(Map.of());
        TextTraining small = TRAINING.withEpochs(2);
        List<Integer> reported = new ArrayList<>();
        try (TextModel trained = TextModel.train(examples, null, small, 5, reported::add, () -> false)) {
            int total = TextModel.totalSteps(examples.size(), small);
            assertThat(total).isEqualTo(small.members() * 2 * (int) Math.ceil(examples.size() / (double) small.batch()));
            assertThat(reported).isSorted().doesNotHaveDuplicates().hasSize(total).endsWith(total);
            assertThat(trained.members()).isEqualTo(small.members());
        }
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> TextModel.train(examples, null, small, 5, done::set, () -> done.get() >= 5))
                .isInstanceOf(TrainingCancelledException.class).hasMessageContaining("after 5 of");
        assertThat(done.get()).isEqualTo(5);
    }

    @Test
    void severalThreadsAnswerAtOnceAsOneDoes() throws Exception {
        List<String> questions = new ArrayList<>(heldOut().keySet());
        List<List<TextAnswer>> alone = new ArrayList<>();
        for (int m = 0; m < model.members(); m++) {
            alone.add(model.answers(m, questions));
        }
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<TextAnswer>>> together = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int m = i % model.members();
                together.add(threads.submit(() -> model.answers(m, questions)));
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % model.members()));
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void badExamplesAndSettingsAreRefused() {
        assertThatThrownBy(() -> new TextExample("why", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextExample("why", Map.of("because", -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextTraining(0, 64, 1, 32, 0.01f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextModel.train(List.of(), null, TRAINING, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextModel.train(examples(Map.of()), model, new TextTraining(1, 32, 1, 32, 0.01f), 1,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThat(new TextExample("q", Map.of("b", 0.5, "a", 0.5)).majority()).isEqualTo("a");
    }

    /**
     * The mean, over members and held-out questions, of the cosine similarity to the nearest training
     * question of the right answer minus that to the nearest training question of another answer.
     */
    private static double margin(TextModel model) {
        List<TextExample> examples = examples(Map.of());
        double total = 0;
        int count = 0;
        for (int m = 0; m < model.members(); m++) {
            List<float[]> remembered = new ArrayList<>();
            for (TextExample example : examples) {
                remembered.add(model.embed(m, example.question()));
            }
            for (Map.Entry<String, String> question : heldOut().entrySet()) {
                float[] embedded = model.embed(m, question.getKey());
                double right = -1;
                double wrong = -1;
                for (int e = 0; e < examples.size(); e++) {
                    double similarity = 0;
                    for (int i = 0; i < embedded.length; i++) {
                        similarity += embedded[i] * remembered.get(e)[i];
                    }
                    if (examples.get(e).majority().equals(question.getValue())) {
                        right = Math.max(right, similarity);
                    } else {
                        wrong = Math.max(wrong, similarity);
                    }
                }
                total += right - wrong;
                count++;
            }
        }
        return total / count;
    }

    /** The training examples; a group's hard target is replaced by the given distribution. */
    private static List<TextExample> examples(Map<String, Map<String, Double>> targets) {
        List<TextExample> examples = new ArrayList<>();
        GROUPS.forEach((answer, questions) -> {
            for (String question : questions.subList(0, 6)) {
                for (String form : TRAINING_FORMS) {
                    examples.add(new TextExample(form.formatted(question), targets.getOrDefault(answer, Map.of(answer, 1.0))));
                }
            }
        });
        return examples;
    }

    /** Paraphrases no member was trained on, with their answers. */
    private static Map<String, String> heldOut() {
        Map<String, String> heldOut = new java.util.LinkedHashMap<>();
        GROUPS.forEach((answer, questions) -> {
            for (String question : questions.subList(6, 8)) {
                for (String form : HELD_OUT_FORMS) {
                    heldOut.put(form.formatted(question), answer);
                }
            }
        });
        return heldOut;
    }
}
