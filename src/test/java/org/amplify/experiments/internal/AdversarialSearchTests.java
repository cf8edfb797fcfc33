package org.amplify.experiments.internal;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;
import org.amplify.domains.assignments.SequentialAssignments;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.shortestpath.ShortestPath;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.domains.wildcard.WildcardSearch;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversarial search on a deliberately bad X (untrained, tiny): it finds disagreements at a high
 * rate, the same ones from the same seed; its mutations are valid questions in every domain; and the
 * priority training puts the found cases into half of each batch.
 */
class AdversarialSearchTests {

    private static final ModelSize TINY = new ModelSize(16, 1, 2, 32);
    private final PermutationPowering permutation = new PermutationPowering();
    private final Amplifier amplifier = new Amplifier();

    private static int threads;

    @BeforeAll
    static void oneThread() {
        Engine.getEngine("PyTorch"); // loads the native library
        threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        JniUtils.setNumThreads(threads);
    }

    static Stream<AlgorithmicDomain> domains() {
        return Stream.of(new PermutationPowering(), new SequentialAssignments(), new WildcardSearch(),
                new ShortestPath(), new UnionFind());
    }

    @Test
    void findsManyDisagreementsOfAnUntrainedXTheSameFromTheSameSeed() {
        try (AnswerModel x = AnswerModel.create(permutation, TINY, 1e-3f, 3)) {
            AdversarialSearch search = new AdversarialSearch(permutation, amplifier, 8, 2);
            List<Integer> progress = new ArrayList<>();
            AdversarialSearch.Result first = search.search(x, 300, 0.5, 11, progress::add);
            AdversarialSearch.Result again = search.search(x, 300, 0.5, 11, spent -> { });

            assertThat(first.queries()).isEqualTo(300);
            assertThat(first.randomQueries()).isEqualTo(150);
            assertThat(first.mutationQueries()).isEqualTo(150);
            assertThat(progress).isSorted().last().isEqualTo(300);
            assertThat(first.perThousand()).isGreaterThan(500); // an untrained X is wrong nearly always
            assertThat(first.mutationDisagreements()).isPositive();
            assertThat(first.found()).hasSize(first.disagreements()).allMatch(AdversarialSearch.Case::disagrees);
            assertThat(first.found()).anyMatch(c -> c.phase() == 2 && !c.origin().equals("random"));
            // no question was asked twice about the same context
            Set<String> asked = new HashSet<>();
            first.found().forEach(c -> assertThat(asked.add(key(c))).isTrue());
            // where k ≤ 7 and every answer H combines is X's, a disagreement is not always a mistake; count them
            assertThat(first.wrong()).isBetween(0, first.disagreements());

            assertThat(again.found()).extracting(this::key).containsExactlyElementsOf(
                    first.found().stream().map(this::key).toList());
            assertThat(again.found()).extracting(AdversarialSearch.Case::answer)
                    .containsExactlyElementsOf(first.found().stream().map(AdversarialSearch.Case::answer).toList());
            AdversarialSearch.Result other = search.search(x, 300, 0.5, 12, spent -> { });
            assertThat(other.found()).extracting(this::key).isNotEqualTo(first.found().stream().map(this::key).toList());
        }
    }

    @Test
    void aSearchOfRandomQuestionsOnlySpendsItsBudgetOnThem() {
        try (AnswerModel x = AnswerModel.create(permutation, TINY, 1e-3f, 3)) {
            AdversarialSearch.Result result = new AdversarialSearch(permutation, amplifier, 8, 1)
                    .search(x, 100, 0, 5, spent -> { });
            assertThat(result.randomQueries()).isEqualTo(100);
            assertThat(result.mutationQueries()).isZero();
            assertThat(result.found()).allMatch(c -> c.origin().equals("random") && permutation.level(c.question()) == 1);
            // at k ≤ 3 every subquestion is primitive: Amplify^H(X) is the truth, so every disagreement is a mistake
            assertThat(result.wrong()).isEqualTo(result.disagreements());
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void mutationsAreValidQuestionsOfTheSearchedLevels(AlgorithmicDomain domain) {
        int maxLevel = Math.min(2, domain.levels());
        QuestionMutations mutations = new QuestionMutations(domain, maxLevel);
        SplittableRandom random = new SplittableRandom(7);
        Set<String> kinds = new HashSet<>();
        int made = 0;
        for (int i = 0; i < 400; i++) {
            Context context = domain.generate(domain.defaultSize(), random);
            Question question = domain.randomQuestion(context, 1 + random.nextInt(maxLevel), random);
            var mutation = mutations.mutate(context, question, random);
            if (mutation.isEmpty()) {
                continue;
            }
            made++;
            kinds.add(mutation.get().kind());
            Context mutatedContext = mutation.get().context();
            Question mutated = mutation.get().question();
            assertThat(domain.isPrimitive(mutated)).isFalse();
            assertThat(domain.level(mutated)).isBetween(1, maxLevel);
            assertThat(domain.solve(mutatedContext, mutated)).as("%s about %s by %s from %s", domain.describe(mutated), domain.name(), mutation.get().kind(), domain.describe(question))
                    .isNotEqualTo(Vocabulary.UNKNOWN);
            // H decomposes it into subquestions it can answer, and combines them into the true answer
            int byExpert = ExpertRunner.run(domain.expert(), List.of(mutated), (subs, askedBy) ->
                    subs.stream().mapToInt(sub -> domain.solve(mutatedContext, sub)).toArray()).get(0).answer();
            assertThat(byExpert).isEqualTo(domain.solve(mutatedContext, mutated));
        }
        assertThat(made).isGreaterThan(200);
        assertThat(kinds).contains(QuestionMutations.FRESH, QuestionMutations.TOKEN);
        if (domain instanceof PermutationPowering) {
            assertThat(kinds).contains(QuestionMutations.CONTEXT); // swapping two images keeps a permutation
        }
    }

    @Test
    void thePriorityTrainingPutsTheFoundCasesIntoHalfOfEachBatch() {
        try (AnswerModel x = AnswerModel.create(permutation, TINY, 1e-3f, 3)) {
            AdversarialSearch.Result found = new AdversarialSearch(permutation, amplifier, 8, 1)
                    .search(x, 64, 0, 5, spent -> { });
            assertThat(found.found()).isNotEmpty();
            Set<String> cases = new HashSet<>();
            found.found().forEach(c -> cases.add(key(c.input().facts(), c.question())));

            PriorityTraining priority = new PriorityTraining(permutation, amplifier, 8, 1, 64, 64, found.found(), 0.5);
            PriorityTraining control = new PriorityTraining(permutation, amplifier, 8, 1, 64, 64, found.found(), 0);
            SplittableRandom random = new SplittableRandom(1);
            priority.amplifyFresh(x, random);
            control.amplifyFresh(x, random);
            ReplayBuffer.Batch batch = priority.nextBatch(random);
            ReplayBuffer.Batch plain = control.nextBatch(random);

            assertThat(priority.priorityPerBatch()).isEqualTo(32);
            assertThat(batch.inputs()).hasSize(64);
            assertThat(batch.inputs().subList(0, 32)).allMatch(in -> cases.contains(key(in.facts(), in.question())));
            for (int i = 0; i < 32; i++) {
                var input = batch.inputs().get(i);
                AdversarialSearch.Case source = found.found().stream()
                        .filter(c -> key(c.input().facts(), c.question()).equals(key(input.facts(), input.question())))
                        .findFirst().orElseThrow();
                assertThat(batch.targets()[i]).isEqualTo(source.target());
            }
            assertThat(control.priorityPerBatch()).isZero();
            assertThat(plain.inputs()).hasSize(64).noneMatch(in -> cases.contains(key(in.facts(), in.question())));

            int steps = priority.train(x, 3, 2, done -> { }, () -> false);
            assertThat(steps).isEqualTo(3);
        }
    }

    private String key(AdversarialSearch.Case found) {
        return key(found.context().facts(), found.question());
    }

    private static String key(int[][] facts, Question question) {
        return java.util.Arrays.deepToString(facts) + java.util.Arrays.toString(question.tokens());
    }
}
