package org.amplify.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every algorithmic domain promises, checked the same way for each: H driven by the ground
 * truth gets the ground truth on 10 000 random questions over several sizes; every non-primitive
 * subquestion is strictly smaller by the domain's measure; the generator is deterministic under a
 * seed; the facts and questions have the declared shapes and tokens of the vocabulary; any tokens at
 * all, as H' may make up, get an answer (the unknown symbol when they are no question) and no exception.
 */
public final class DomainContract {

    private DomainContract() {}

    public static void check(AlgorithmicDomain domain, int... sizes) {
        groundTruthThroughTheExpertIsTheGroundTruth(domain, 10_000, sizes);
        sameSeedSameQuestions(domain, sizes[0]);
        madeUpQuestionsGetAnAnswer(domain, sizes[0]);
    }

    /** What H' may ask: random tokens of the vocabulary, answered by the environment if primitive. */
    static void madeUpQuestionsGetAnAnswer(AlgorithmicDomain domain, int size) {
        SplittableRandom random = new SplittableRandom(11);
        Context context = domain.generate(size, random);
        for (int i = 0; i < 2_000; i++) {
            int[] tokens = new int[domain.questionLength()];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = random.nextInt(domain.vocabulary().size());
            }
            Question made = new Question(tokens);
            if (domain.isPrimitive(made)) {
                assertThat(domain.answerPrimitive(context, made)).as(domain.describe(made))
                        .isBetween(0, domain.vocabulary().size() - 1);
            }
            assertThat(domain.solve(context, made)).as(domain.describe(made))
                    .isBetween(0, domain.vocabulary().size() - 1);
        }
    }

    static void groundTruthThroughTheExpertIsTheGroundTruth(AlgorithmicDomain domain, int questions, int... sizes) {
        SplittableRandom random = new SplittableRandom(20181005);
        int perContext = 20;
        int checked = 0;
        int levelsSeen = 0;
        boolean[] seen = new boolean[domain.levels() + 1];
        while (checked < questions) {
            int size = sizes[(checked / perContext) % sizes.length];
            Context context = domain.generate(size, random);
            assertThat(context.size()).isEqualTo(size);
            for (int[] fact : context.facts()) {
                assertThat(fact).hasSize(domain.factLength());
                for (int token : fact) {
                    assertThat(token).isBetween(0, domain.vocabulary().size() - 1);
                }
            }
            for (int q = 0; q < perContext && checked < questions; q++, checked++) {
                Question question = domain.randomQuestion(context, random);
                assertThat(question.length()).isEqualTo(domain.questionLength());
                assertThat(domain.isPrimitive(question)).as("a generated question is not primitive").isFalse();
                int level = domain.level(question);
                assertThat(level).isBetween(1, domain.levels());
                if (!seen[level]) {
                    seen[level] = true;
                    levelsSeen++;
                }
                int measure = domain.measure(context, question);
                Transcript transcript = ExpertRunner.run(domain.expert(), question, sub -> {
                    assertThat(sub.length()).isEqualTo(domain.questionLength());
                    if (domain.isPrimitive(sub)) {
                        return domain.answerPrimitive(context, sub);
                    }
                    assertThat(domain.measure(context, sub))
                            .as("subquestion %s of %s is smaller", domain.describe(sub), domain.describe(question))
                            .isLessThan(measure);
                    return domain.solve(context, sub);
                });
                assertThat(transcript.answer())
                        .as("%s about a context of size %d", domain.describe(question), size)
                        .isEqualTo(domain.solve(context, question));
            }
        }
        assertThat(levelsSeen).as("questions of every level were generated").isEqualTo(domain.levels());
    }

    static void sameSeedSameQuestions(AlgorithmicDomain domain, int size) {
        assertThat(draw(domain, size, 7)).isEqualTo(draw(domain, size, 7));
        assertThat(draw(domain, size, 7)).isNotEqualTo(draw(domain, size, 8));
    }

    private static List<String> draw(AlgorithmicDomain domain, int size, long seed) {
        Random random = new Random(seed);
        List<String> drawn = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            Context context = domain.generate(size, random);
            for (int[] fact : context.facts()) {
                drawn.add(domain.describeFact(fact));
            }
            for (int q = 0; q < 10; q++) {
                drawn.add(domain.describe(domain.randomQuestion(context, random)));
            }
        }
        return drawn;
    }
}
