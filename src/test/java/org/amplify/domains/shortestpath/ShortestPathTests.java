package org.amplify.domains.shortestpath;

import java.util.SplittableRandom;
import org.amplify.domains.DomainContract;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortestPathTests {

    private final ShortestPath domain = new ShortestPath();
    private final GraphEncoding tokens = domain.encoding();

    // a=0 → b=1 → d=3 → e=4, a → c=2 → d, b → a, e unreachable from nothing but d; f=5 isolated
    private final Graph graph = domain.graph(new int[] {0, 1, 2, 3, 4, 5},
            new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {1, 0}, {0, 1}});
    private final int a = tokens.name(0);
    private final int b = tokens.name(1);
    private final int c = tokens.name(2);
    private final int d = tokens.name(3);
    private final int e = tokens.name(4);
    private final int f = tokens.name(5);

    @Test
    void keepsTheDomainContract() {
        DomainContract.check(domain, 8, 16, 32, 64);
    }

    private Transcript truthful(Question question) {
        return ExpertRunner.run(domain.expert(), question,
                sub -> domain.isPrimitive(sub) ? domain.answerPrimitive(graph, sub) : domain.solve(graph, sub));
    }

    @Test
    void theGroundTruthUsesNonEmptyPathsAndTheFirstStepInNameOrder() {
        assertThat(domain.solve(graph, tokens.distance(a, e, 5))).isEqualTo(tokens.number(3));
        assertThat(domain.solve(graph, tokens.step(a, d, 5))).isEqualTo(b); // b and c tie: b first
        assertThat(domain.solve(graph, tokens.distance(a, a, 5))).isEqualTo(tokens.number(2)); // a → b → a
        assertThat(domain.solve(graph, tokens.distance(a, e, 2))).isEqualTo(tokens.beyond());
        assertThat(domain.solve(graph, tokens.step(e, a, 16))).isEqualTo(tokens.beyond());
        assertThat(domain.solve(graph, tokens.neighbour(a, 2))).isEqualTo(c); // the duplicate a → b counts once
        assertThat(domain.solve(graph, tokens.neighbour(a, 3))).isEqualTo(domain.vocabulary().token("no"));
    }

    @Test
    void aDistanceAsksTheModelsGuessForTheStepChecksItAndAddsOne() {
        Transcript transcript = truthful(tokens.distance(a, e, 5));
        assertThat(transcript.exchanges()).extracting(x -> x.subquestion()).containsExactly(
                tokens.edge(a, e), tokens.step(a, e, 5), tokens.edge(a, b), tokens.distance(b, e, 4));
        assertThat(transcript.answer()).isEqualTo(tokens.number(3));
    }

    @Test
    void aStepAsksEveryOutNeighboursDistanceAndKeepsTheNearest() {
        Transcript transcript = truthful(tokens.step(a, e, 5));
        assertThat(transcript.exchanges()).extracting(x -> x.subquestion()).containsExactly(
                tokens.edge(a, e), tokens.neighbour(a, 1), tokens.distance(b, e, 4),
                tokens.neighbour(a, 2), tokens.distance(c, e, 4), tokens.neighbour(a, 3));
        assertThat(transcript.answer()).isEqualTo(b);
        assertThat(domain.describe(transcript.exchanges().get(1).subquestion())).isEqualTo("out-neighbour 1 of aa");
    }

    @Test
    void withABoundOfTwoTheStepReadsOnlyEdgeFacts() {
        Transcript transcript = truthful(tokens.step(b, e, 2));
        assertThat(transcript.exchanges()).allMatch(x -> domain.isPrimitive(x.subquestion()));
        assertThat(transcript.answer()).isEqualTo(d);
        assertThat(truthful(tokens.distance(a, e, 1)).exchanges()).hasSize(1);
    }

    @Test
    void unreachableIsBeyondTheBound() {
        assertThat(truthful(tokens.distance(e, a, 16)).answer()).isEqualTo(tokens.beyond());
        assertThat(truthful(tokens.step(f, a, 16)).answer()).isEqualTo(tokens.beyond());
    }

    @Test
    void hDoesNotRecurseOnAGuessThatIsNotAnEdge() {
        Transcript transcript = ExpertRunner.run(domain.expert(), tokens.distance(a, e, 5), sub -> {
            if (sub.equals(tokens.step(a, e, 5))) {
                return d; // not an out-neighbour of a
            }
            return domain.isPrimitive(sub) ? domain.answerPrimitive(graph, sub) : domain.solve(graph, sub);
        });
        assertThat(transcript.exchanges()).hasSize(3);
        assertThat(transcript.answer()).isEqualTo(Vocabulary.UNKNOWN);
    }

    @Test
    void malformedQuestionsAndGarbageAnswersGiveUnknownWithoutThrowing() {
        assertThat(domain.solve(graph, new Question(a, b, c, d))).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(domain.solve(graph, new Question(1, 2))).isEqualTo(Vocabulary.UNKNOWN);
        int absent = tokens.name(40);
        assertThat(domain.solve(graph, tokens.distance(a, absent, 3))).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(truthful(tokens.distance(absent, a, 3)).answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(truthful(new Question(a, b, c, d)).exchanges()).isEmpty();
        assertThat(ExpertRunner.run(domain.expert(), tokens.step(a, e, 9), sub -> Vocabulary.UNKNOWN).answer())
                .isEqualTo(Vocabulary.UNKNOWN);
        SplittableRandom random = new SplittableRandom(3);
        Graph big = domain.generate(64, random);
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
