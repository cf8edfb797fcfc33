package org.amplify.domains.unionfind;

import java.util.SplittableRandom;
import org.amplify.domains.DomainContract;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnionFindTests {

    private final UnionFind domain = new UnionFind();
    private final ForestEncoding tokens = domain.encoding();

    // a=0 (#3) — b=1, b — c=2, b — d=3, d — e=4; f=5 (#7) — g=6
    private final Forest forest = domain.forest(new int[] {0, 1, 2, 3, 4, 5, 6},
            new int[][] {{0, 1}, {1, 2}, {3, 1}, {3, 4}, {5, 6}}, new int[][] {{0, 3}, {5, 7}});
    private final int a = tokens.name(0);
    private final int b = tokens.name(1);
    private final int d = tokens.name(3);
    private final int e = tokens.name(4);
    private final int f = tokens.name(5);
    private final int g = tokens.name(6);
    private final int no = domain.vocabulary().token("no");

    @Test
    void keepsTheDomainContract() {
        DomainContract.check(domain, 8, 16, 32, 64);
    }

    @Test
    void generatedForestsHaveRootNTreesOneLabelEachAndBoundedDegree() {
        SplittableRandom random = new SplittableRandom(5);
        for (int size : new int[] {8, 15, 16, 64}) {
            Forest generated = domain.generate(size, random);
            assertThat(generated.facts().length).isEqualTo(size); // size - trees edges, one label per tree
            long labelled = java.util.Arrays.stream(generated.vertices()).filter(v -> generated.givenLabel()[v] > 0)
                    .count();
            assertThat(labelled).isEqualTo((long) Math.sqrt(size));
            for (int v : generated.vertices()) {
                assertThat(generated.neighbours()[v].length).isLessThanOrEqualTo(UnionFind.MAX_DEGREE);
            }
        }
    }

    private Transcript truthful(Question question) {
        return ExpertRunner.run(domain.expert(), question,
                sub -> domain.isPrimitive(sub) ? domain.answerPrimitive(forest, sub) : domain.solve(forest, sub));
    }

    @Test
    void theLabelAsksTheModelsGuessForTheNextVertexChecksTheEdgeAndAsksItsLabel() {
        Transcript transcript = truthful(tokens.label(e, 5));
        assertThat(transcript.exchanges()).extracting(x -> x.subquestion()).containsExactly(
                tokens.given(e), tokens.next(e, 5), tokens.edge(e, d), tokens.label(d, 4));
        assertThat(transcript.answer()).isEqualTo(tokens.labelToken(3));
        assertThat(truthful(tokens.label(g, 1)).answer()).isEqualTo(tokens.labelToken(7));
        assertThat(truthful(tokens.depth(e, 8)).answer()).isEqualTo(tokens.number(3));
    }

    @Test
    void theNextVertexAsksEveryNeighboursDistanceAndKeepsTheNearest() {
        Transcript transcript = truthful(tokens.next(d, 4));
        assertThat(transcript.exchanges()).extracting(x -> x.subquestion()).containsExactly(
                tokens.given(d), tokens.neighbour(d, 1), tokens.depth(b, 3),
                tokens.neighbour(d, 2), tokens.depth(e, 3), tokens.neighbour(d, 3));
        assertThat(transcript.answer()).isEqualTo(b);
        assertThat(truthful(tokens.next(b, 4)).exchanges()).hasSize(3); // a, at distance 0, ends the search
        assertThat(truthful(tokens.next(a, 4)).answer()).isEqualTo(a);
    }

    @Test
    void withABoundOfOneTheNextVertexReadsOnlyFactsAndFartherIsBeyond() {
        Transcript transcript = truthful(tokens.next(d, 1));
        assertThat(transcript.exchanges()).allMatch(x -> domain.isPrimitive(x.subquestion()));
        assertThat(transcript.answer()).isEqualTo(tokens.beyond());
        assertThat(truthful(tokens.depth(e, 2)).answer()).isEqualTo(tokens.beyond());
        assertThat(domain.solve(forest, tokens.neighbour(g, 2))).isEqualTo(no);
        assertThat(domain.solve(forest, tokens.given(b))).isEqualTo(no);
    }

    @Test
    void hDoesNotRecurseOnAGuessThatIsNotAnEdge() {
        Transcript transcript = ExpertRunner.run(domain.expert(), tokens.depth(e, 5), sub -> {
            if (sub.equals(tokens.next(e, 5))) {
                return b; // not a neighbour of e
            }
            return domain.isPrimitive(sub) ? domain.answerPrimitive(forest, sub) : domain.solve(forest, sub);
        });
        assertThat(transcript.exchanges()).hasSize(3);
        assertThat(transcript.answer()).isEqualTo(Vocabulary.UNKNOWN);
    }

    @Test
    void aForestWithACycleOrAnUnlabelledTreeIsRefused() {
        assertThatThrownBy(() -> domain.forest(new int[] {0, 1, 2}, new int[][] {{0, 1}, {1, 2}, {2, 0}},
                new int[][] {{0, 1}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> domain.forest(new int[] {0, 1}, new int[][] {}, new int[][] {{0, 1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedQuestionsAndGarbageAnswersGiveUnknownWithoutThrowing() {
        assertThat(domain.solve(forest, new Question(a, b, d))).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(domain.solve(forest, new Question(1))).isEqualTo(Vocabulary.UNKNOWN);
        int absent = tokens.name(40);
        assertThat(domain.solve(forest, tokens.edge(a, absent))).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(truthful(tokens.label(absent, 3)).answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(truthful(new Question(a, b, d)).exchanges()).isEmpty();
        assertThat(ExpertRunner.run(domain.expert(), tokens.next(f, 9), sub -> Vocabulary.UNKNOWN).answer())
                .isEqualTo(Vocabulary.UNKNOWN);
        SplittableRandom random = new SplittableRandom(3);
        Forest big = domain.generate(64, random);
        int size = domain.vocabulary().size();
        for (int i = 0; i < 2_000; i++) {
            Question question = domain.randomQuestion(big, random);
            Transcript transcript = ExpertRunner.run(domain.expert(), question, sub -> domain.isPrimitive(sub)
                    ? domain.answerPrimitive(big, sub) : random.nextInt(size));
            assertThat(transcript.exchanges().size()).isLessThanOrEqualTo(domain.expert().maxSubquestions());
            assertThat(transcript.answer()).isBetween(0, size - 1);
        }
    }
}
