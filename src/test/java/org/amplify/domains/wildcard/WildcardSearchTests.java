package org.amplify.domains.wildcard;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.domains.DomainContract;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardSearchTests {

    private final WildcardSearch domain = new WildcardSearch();

    @Test
    void keepsTheDomainContract() {
        DomainContract.check(domain, 8, 20, 33, 64);
    }

    @Test
    void hSplitsTheFirstWildcardIntoZeroAndOneAndAdds() {
        Map<String, Integer> answers = Map.of("00*1*0", 2, "01*1*0", -3);
        Transcript transcript = ExpertRunner.run(domain.expert(), domain.question("0**1*0"),
                q -> domain.numberToken(answers.get(domain.pattern(q))));
        assertThat(transcript.exchanges()).extracting(e -> domain.pattern(e.subquestion()))
                .containsExactly("00*1*0", "01*1*0");
        assertThat(transcript.answer()).isEqualTo(domain.numberToken(-1));
        assertThat(domain.describeAnswer(transcript.answer())).isEqualTo("-1");
        assertThat(domain.level(domain.question("0**1*0"))).isEqualTo(3);
        assertThat(domain.kind(domain.question("0**1*0"))).isEqualTo("wildcards 3");
    }

    @Test
    void aPointIsPrimitiveItsFactOrZero() {
        WildcardSearch.Points points = domain.generate(8, new SplittableRandom(1));
        int[] fact = points.facts()[0];
        String point = domain.describeFact(fact).substring(2, 8);
        Question question = domain.question(point);
        assertThat(domain.isPrimitive(question)).isTrue();
        assertThat(domain.answerPrimitive(points, question)).isEqualTo(fact[WildcardSearch.BITS]);
        int absent = 0;
        while (points.f()[absent] != 0) {
            absent++;
        }
        String bits = String.format("%6s", Integer.toBinaryString(absent)).replace(' ', '0');
        assertThat(domain.answerPrimitive(points, domain.question(bits))).isEqualTo(domain.numberToken(0));
        Transcript transcript = ExpertRunner.run(domain.expert(), question, q -> domain.answerPrimitive(points, q));
        assertThat(transcript.exchanges()).hasSize(1);
        assertThat(transcript.answer()).isEqualTo(fact[WildcardSearch.BITS]);
    }

    @Test
    void everythingSumsTheFacts() {
        SplittableRandom random = new SplittableRandom(2);
        for (int size : new int[] {8, 64}) {
            WildcardSearch.Points points = domain.generate(size, random);
            assertThat(points.facts().length).isEqualTo(size);
            int sum = 0;
            for (int[] fact : points.facts()) {
                assertThat(Math.abs(domain.number(fact[WildcardSearch.BITS]))).isEqualTo(1);
                sum += domain.number(fact[WildcardSearch.BITS]);
            }
            assertThat(domain.solve(points, domain.question("******"))).isEqualTo(domain.numberToken(sum));
        }
    }

    @Test
    void malformedQuestionsAreAnsweredWithUnknownWithoutAsking() {
        WildcardSearch.Points points = domain.generate(8, new SplittableRandom(3));
        Question star = domain.question("******");
        for (Question question : new Question[] {new Question(1, 2, 3), new Question(1, 2, 3, 3, 3, 0),
                new Question(star.token(0), star.token(0), star.token(0), star.token(0), star.token(0),
                        domain.numberToken(1))}) {
            assertThat(domain.isPrimitive(question)).isTrue();
            assertThat(domain.level(question)).isZero();
            assertThat(domain.solve(points, question)).isEqualTo(Vocabulary.UNKNOWN);
            Transcript transcript = ExpertRunner.run(domain.expert(), question, q -> {
                throw new AssertionError("asked " + q);
            });
            assertThat(transcript.answer()).isEqualTo(Vocabulary.UNKNOWN);
        }
    }

    @Test
    void garbageOrImpossibleSubAnswersGiveUnknown() {
        Question question = domain.question("1*0**1");
        Transcript notANumber = ExpertRunner.run(domain.expert(), question, q -> domain.question("000000").token(0));
        assertThat(notANumber.answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(notANumber.exchanges()).hasSize(1);
        // each half sums over 4 points: 5 is impossible
        Transcript tooBig = ExpertRunner.run(domain.expert(), question,
                q -> domain.numberToken(domain.pattern(q).equals("100**1") ? 1 : 5));
        assertThat(tooBig.answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(tooBig.exchanges()).hasSize(2);

        SplittableRandom random = new SplittableRandom(4);
        int vocabulary = domain.vocabulary().size();
        for (int i = 0; i < 5_000; i++) {
            Question any = domain.randomQuestion(domain.generate(8, random), random);
            Transcript transcript = ExpertRunner.run(domain.expert(), any, q -> random.nextInt(vocabulary + 3) - 1);
            assertThat(transcript.exchanges().size()).isLessThanOrEqualTo(domain.expert().maxSubquestions());
            int answer = transcript.answer();
            assertThat(answer == Vocabulary.UNKNOWN
                    || Math.abs(domain.number(answer)) <= 1 << domain.level(any)).isTrue();
        }
    }

    @Test
    void describesForPeople() {
        assertThat(domain.describe(domain.question("0**1*0"))).isEqualTo("sum of f over 0**1*0");
        WildcardSearch.Points points = domain.generate(8, new SplittableRandom(5));
        assertThat(Arrays.asList(points.facts())).extracting(domain::describeFact).allMatch(text -> text.matches("f\\([01]{6}\\) = -?1"));
        assertThat(domain.describeAnswer(domain.numberToken(0))).isEqualTo("0");
        assertThat(domain.describeAnswer(Vocabulary.UNKNOWN)).isEqualTo("?");
        assertThat(domain.vocabulary().token("+0")).isEqualTo(domain.numberToken(0));
    }
}
