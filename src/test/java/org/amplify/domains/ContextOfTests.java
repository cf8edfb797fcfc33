package org.amplify.domains;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.amplify.domains.assignments.SequentialAssignments;
import org.amplify.domains.permutation.PermutationPowering;
import org.amplify.domains.shortestpath.ShortestPath;
import org.amplify.domains.unionfind.UnionFind;
import org.amplify.domains.wildcard.WildcardSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pasted context ({@link AlgorithmicDomain#contextOf}) answers as the generated one it was copied
 * from, whatever the order of its facts, and facts that make no valid context are refused with a
 * message that names the line.
 */
class ContextOfTests {

    private static final int[] SIZES = {8, 20, 64};
    private static final long[] SEEDS = {11, 12};
    private static final int QUESTIONS_A_LEVEL = 2_000;

    static Stream<AlgorithmicDomain> domains() {
        return Stream.of(new PermutationPowering(), new SequentialAssignments(), new WildcardSearch(),
                new ShortestPath(), new UnionFind());
    }

    @ParameterizedTest
    @MethodSource("domains")
    void thePastedFactsOfAGeneratedContextAnswerAsIt(AlgorithmicDomain domain) {
        int unknownVertices = 0;
        for (int size : SIZES) {
            for (long seed : SEEDS) {
                Context generated = domain.generate(size, new SplittableRandom(seed));
                Context pasted = domain.contextOf(generated.facts());
                assertThat(pasted.size()).isEqualTo(size);
                assertThat(pasted.facts()).isDeepEqualTo(generated.facts());
                unknownVertices += compare(domain, generated, pasted, generated, new SplittableRandom(seed + 100));
            }
        }
        if (domain instanceof ShortestPath) {
            // the facts are the edges: a vertex the generator drew without any edge is not in them
            assertThat(unknownVertices).as("questions about a generated vertex without edges").isPositive();
        } else {
            assertThat(unknownVertices).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void theFactsSurviveTheirTokenNotation(AlgorithmicDomain domain) {
        for (int size : SIZES) {
            Context generated = domain.generate(size, new SplittableRandom(size));
            StringBuilder text = new StringBuilder();
            for (int[] fact : generated.facts()) {
                assertThat(domain.parseFact(domain.factNotation(fact))).hasValueSatisfying(
                        parsed -> assertThat(parsed).containsExactly(fact));
                text.append(domain.factNotation(fact)).append('\n');
            }
            int[][] parsed = text.toString().lines().map(line -> domain.parseFact(line).orElseThrow())
                    .toArray(int[][]::new);
            assertThat(parsed).isDeepEqualTo(generated.facts());
            assertThat(domain.contextOf(parsed).facts()).isDeepEqualTo(generated.facts());
        }
    }

    /** No domain's meaning depends on the order of its facts (assignments are shuffled when generated, too). */
    @ParameterizedTest
    @MethodSource("domains")
    void shuffledFactsGiveTheSameAnswers(AlgorithmicDomain domain) {
        for (int size : SIZES) {
            for (long seed : SEEDS) {
                Context generated = domain.generate(size, new SplittableRandom(seed));
                Context pasted = domain.contextOf(generated.facts());
                int[][] facts = generated.facts();
                int[] order = Sampling.shuffledIndices(facts.length, new SplittableRandom(seed + 7));
                int[][] shuffled = new int[facts.length][];
                for (int i = 0; i < facts.length; i++) {
                    shuffled[i] = facts[order[i]];
                }
                Context reordered = domain.contextOf(shuffled);
                assertThat(reordered.size()).isEqualTo(size);
                assertThat(compare(domain, pasted, reordered, generated, new SplittableRandom(seed + 200))).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void theContextKeepsItsOwnCopyOfTheFacts(AlgorithmicDomain domain) {
        Context generated = domain.generate(16, new SplittableRandom(5));
        int[][] facts = Arrays.stream(generated.facts()).map(int[]::clone).toArray(int[][]::new);
        Context pasted = domain.contextOf(facts);
        for (int[] fact : facts) {
            Arrays.fill(fact, Vocabulary.UNKNOWN);
        }
        assertThat(pasted.facts()).isDeepEqualTo(generated.facts());
    }

    @ParameterizedTest
    @MethodSource("domains")
    void factsOfTheWrongShapeAreRefusedByLine(AlgorithmicDomain domain) {
        int[][] facts = domain.generate(8, new SplittableRandom(1)).facts();
        assertThatThrownBy(() -> domain.contextOf(new int[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no facts");
        int[][] tooLong = facts.clone();
        tooLong[2] = Arrays.copyOf(facts[2], facts[2].length + 1);
        assertThatThrownBy(() -> domain.contextOf(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3 (" + domain.factNotation(tooLong[2]) + "): a fact is "
                        + domain.factLength() + " tokens");
        int[][] unknown = facts.clone();
        unknown[4] = facts[4].clone();
        unknown[4][0] = domain.vocabulary().size() + 3;
        assertThatThrownBy(() -> domain.contextOf(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 5 (<").hasMessageContaining("token 1 is not a symbol");
        int[][] empty = facts.clone();
        empty[0] = null;
        assertThatThrownBy(() -> domain.contextOf(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 1 (empty)");
    }

    // ---------------------------------------------------------------- permutation powering

    private final PermutationPowering permutation = new PermutationPowering();
    private static final List<String> CYCLE = List.of("aa ab", "ab ac", "ac ad", "ad ae", "ae af", "af ag", "ag ah",
            "ah aa");

    @Test
    void aPermutationIsABijectionOnTheNamesItMentions() {
        Context cycle = permutation.contextOf(facts(permutation, CYCLE));
        assertThat(permutation.solve(cycle, permutation.question(permutation.vocabulary().token("aa"), 11)))
                .isEqualTo(permutation.vocabulary().token("ad"));
        refused(permutation, with(CYCLE, 2, "ac 1"), "line 3 (ac 1): token 2 must be a name");
        refused(permutation, with(CYCLE, 5, "aa ag"), "line 6 (aa ag): σ(aa) is already given on line 1 (aa ab)");
        refused(permutation, with(CYCLE, 5, "af ab"), "line 6 (af ab): ab is already the image of another name on"
                + " line 1 (aa ab)");
        refused(permutation, with(CYCLE, 7, "ah ba"), "line 8 (ah ba): no fact gives σ(ba)");
        refused(permutation, CYCLE.subList(0, 7), "line 7 (ag ah): no fact gives σ(ah)");
        refused(permutation, List.of("aa ab", "ab ac", "ac ad", "ad ae", "ae af", "af ag", "ag aa"),
                "a permutation of 7 names: the size N = 7 must be between 8 and 64");
    }

    // ---------------------------------------------------------------- wildcard search

    private final WildcardSearch wildcard = new WildcardSearch();

    private static List<String> points(int count) {
        List<String> lines = new ArrayList<>();
        for (int point = 0; point < count; point++) {
            StringBuilder line = new StringBuilder();
            for (int bit = WildcardSearch.BITS - 1; bit >= 0; bit--) {
                line.append((point >> bit) & 1).append(' ');
            }
            lines.add(line.append(point % 3 == 0 ? "-1" : "+1").toString());
        }
        return lines;
    }

    @Test
    void aFunctionIsMinusOneOrPlusOneAtDistinctPoints() {
        Context f = wildcard.contextOf(facts(wildcard, points(8)));
        assertThat(wildcard.describeAnswer(wildcard.solve(f, wildcard.question("000***")))).isEqualTo("2");
        refused(wildcard, with(points(8), 3, "0 0 * 0 1 1 +1"), "line 4 (0 0 * 0 1 1 +1): token 3 must be a bit");
        refused(wildcard, with(points(8), 3, "0 0 0 0 1 1 +0"), "line 4 (0 0 0 0 1 1 +0): token 7 must be the value"
                + " of f there, -1 or +1");
        refused(wildcard, with(points(8), 3, "0 0 0 0 1 1 1"), "line 4 (0 0 0 0 1 1 1): token 7 must be the value");
        refused(wildcard, with(points(8), 5, "0 0 0 0 0 1 -1"), "line 6 (0 0 0 0 0 1 -1): f at this point is already"
                + " given on line 2 (0 0 0 0 0 1 +1)");
        refused(wildcard, points(7), "the facts give f at 7 points: the size N = 7 must be between 8 and 64");
    }

    // ---------------------------------------------------------------- shortest path

    private final ShortestPath graph = new ShortestPath();

    /** Two cycles aa → ab → … → ah → aa and aa → ac → ae → ag → aa, twice: 16 edges, N = 8. */
    private static final List<String> GRAPH = List.of("aa ab", "ab ac", "ac ad", "ad ae", "ae af", "af ag", "ag ah",
            "ah aa", "aa ac", "ac ae", "ae ag", "ag aa", "aa ac", "ac ae", "ae ag", "ag aa");

    @Test
    void aGraphHasTwoEdgesAVertexAndBoundedOutDegree() {
        Context pasted = graph.contextOf(facts(graph, GRAPH));
        assertThat(pasted.size()).isEqualTo(8);
        int aa = graph.encoding().name(0);
        int ah = graph.encoding().name(7);
        assertThat(graph.solve(pasted, graph.encoding().distance(aa, ah, 9))).isEqualTo(graph.encoding().number(4));
        refused(graph, with(GRAPH, 2, "ac 3"), "line 3 (ac 3): token 2 must be a name");
        refused(graph, with(GRAPH, 10, "aa ba"), "line 11 (aa ba): ba is vertex 9, but 16 edges (2N) make a graph"
                + " of N = 8 vertices");
        refused(graph, GRAPH.subList(0, 15), "a graph of N vertices has 2N edges, one fact each, but there are 15"
                + " facts, an odd number");
        refused(graph, GRAPH.subList(0, 14), "the 14 edges make a graph of N = 7 vertices: the size N = 7 must be");
        List<String> star = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            star.add("aa " + Names.name(i));
        }
        while (star.size() < 32) {
            star.add(Names.name(1 + star.size() % 15) + " " + Names.name(1 + (star.size() * 7) % 15));
        }
        refused(graph, star, "line 8 (aa ba): a vertex has at most 7 distinct out-neighbours, and this is the 8th"
                + " of aa");
        List<String> repeated = new ArrayList<>(star);
        repeated.set(7, "aa ab"); // a duplicate edge is allowed: still 7 distinct out-neighbours
        assertThat(graph.contextOf(facts(graph, repeated)).size()).isEqualTo(16);
    }

    // ---------------------------------------------------------------- union-find

    private final UnionFind forest = new UnionFind();

    /** Two trees, aa (#1) — ab — ac — ad and ae (#2) — af — ag — ah: N = 8, ⌊√8⌋ = 2 trees. */
    private static final List<String> FOREST = List.of("aa #1", "aa ab", "ab ac", "ac ad", "ae #2", "ae af", "af ag",
            "ag ah");

    @Test
    void aForestHasOneLabelATreeAndSqrtNTrees() {
        Context pasted = forest.contextOf(facts(forest, FOREST));
        assertThat(forest.solve(pasted, forest.encoding().label(forest.encoding().name(7), 3)))
                .isEqualTo(forest.encoding().labelToken(2));
        refused(forest, with(FOREST, 0, "#1 aa"), "line 1 (#1 aa): token 1 must be a name");
        refused(forest, with(FOREST, 2, "ab 4"), "line 3 (ab 4): token 2 must be a name (an edge) or a label");
        refused(forest, with(FOREST, 3, "ac aa"), "line 4 (ac aa): ac and aa are already joined by other edges: this"
                + " one closes a cycle");
        refused(forest, with(FOREST, 3, "ab aa"), "line 4 (ab aa): the edge is already on line 2 (aa ab)");
        refused(forest, with(FOREST, 3, "ac ac"), "line 4 (ac ac): an edge joins two different vertices");
        refused(forest, with(FOREST, 4, "ad #2"), "line 5 (ad #2): the tree of ad is already labelled on line 1"
                + " (aa #1)");
        refused(forest, with(FOREST, 4, "ae #1"), "line 5 (ae #1): #1 already labels another vertex on line 1");
        refused(forest, with(FOREST, 4, "aa #2"), "line 5 (aa #2): aa is already labelled on line 1 (aa #1)");
        refused(forest, with(FOREST, 4, "ba bb"), "line 5 (ba bb): the tree of ba has no labelled vertex");
        refused(forest, with(FOREST, 4, "ad ae"), "a forest of N = 8 vertices has ⌊√N⌋ = 2 trees, the facts"
                + " make 1");
        refused(forest, FOREST.subList(0, 7), "the facts mention 7 names: the size N = 7 must be between 8 and 64");
        List<String> star = new ArrayList<>(List.of("aa #1"));
        for (int i = 1; i <= 8; i++) {
            star.add("aa " + Names.name(i));
        }
        refused(forest, star, "line 9 (aa ba): a vertex has at most 7 neighbours, and this is the 8th of aa");
    }

    // ---------------------------------------------------------------- sequential assignments

    private final SequentialAssignments program = new SequentialAssignments();

    /** aa = 3, ab = 5, ac = f(3, 5) = 7, ad = f(7, 3) = 2, ae = f(2, 2) = 1, af = 4, ag = 6, ah = f(6, 3) = 8. */
    private static final List<String> PROGRAM = List.of("aa 3 -", "ab 5 -", "ac aa ab", "3 5 7", "ad ac aa",
            "7 3 2", "ae ad ad", "2 2 1", "af ae ab", "1 5 4", "ag af af", "4 4 6", "ah ag aa", "6 3 8");

    @Test
    void aProgramAssignsEveryNameOnceFromAssignedNamesAndUsesItsWholeTable() {
        SequentialAssignments.Program pasted = program.contextOf(facts(program, PROGRAM));
        int ah = program.nameToken(7);
        assertThat(program.solve(pasted, program.valueQuestion(ah))).isEqualTo(program.valueToken(8));
        assertThat(program.depth(pasted, program.valueQuestion(ah))).isEqualTo(6);
        assertThat(pasted.variables()).hasSize(8);
        refused(program, with(PROGRAM, 12, "ag ag aa"), "line 13 (ag ag aa): ag is already assigned on line 11"
                + " (ag af af)");
        refused(program, with(PROGRAM, 12, "ah ag ba"), "line 13 (ah ag ba): no fact assigns the operand ba");
        refused(program, with(PROGRAM, 2, "ac aa ah"), "line 3 (ac aa ah): ac depends on itself: ac → ah → ag → af"
                + " → ae → ad → ac");
        refused(program, with(PROGRAM, 13, "- - -"), "line 13 (ah ag aa): here f(6, 3) is needed, and no table entry");
        refused(program, with(PROGRAM, 2, "ac aa 3"), "line 3 (ac aa 3): an assignment is x v -");
        refused(program, with(PROGRAM, 3, "3 5 -"), "line 4 (3 5 -): a table entry is a b c");
        refused(program, with(PROGRAM, 3, "val aa -"), "line 4 (val aa -): a fact begins with a name");
        refused(program, with(PROGRAM, 1, "ab aa aa"), "a program of N = 8 assignments has ⌊√N⌋ = 2 constants"
                + " x := v, the facts have 1");
        refused(program, PROGRAM.subList(0, 12), "the facts assign 7 names: the size N = 7 must be between 8 and 64");
        // ah := f(ac, aa) = f(7, 3) uses an entry already there, which frees a table slot
        List<String> shared = with(PROGRAM, 12, "ah ac aa");
        refused(program, shared, "line 14 (6 3 8): no assignment uses this entry");
        refused(program, with(shared, 13, "3 5 6"), "line 14 (3 5 6): f(3, 5) is already given on line 4 (3 5 7)");
        List<String> filled = with(shared, 13, "- - -");
        assertThat(program.contextOf(facts(program, filled)).facts().length).isEqualTo(14);
        List<String> extra = new ArrayList<>(filled);
        extra.add("- - -");
        refused(program, extra, "line 15 (- - -): one filler too many");
        SequentialAssignments.Program padded = program.contextOf(facts(program, filled.subList(0, 13)));
        assertThat(padded.facts().length).isEqualTo(14);
        assertThat(program.factNotation(padded.facts()[13])).isEqualTo("- - -");
        assertThat(program.solve(padded, program.valueQuestion(ah))).isEqualTo(program.valueToken(2));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Asks both contexts {@value #QUESTIONS_A_LEVEL} random questions of every level drawn on {@code
     * source}, and every primitive subquestion H asks for them (answered by {@code expected}'s ground
     * truth): {@code actual} must answer as {@code expected}, except that a pasted shortest-path graph
     * does not know the vertices without edges (which have no fact) and answers {@code ?} about them.
     *
     * @return how many answers were {@code ?} for that reason
     */
    private static int compare(AlgorithmicDomain domain, Context expected, Context actual, Context source,
            SplittableRandom random) {
        boolean[] mentioned = new boolean[domain.vocabulary().size()];
        for (int[] fact : actual.facts()) {
            for (int token : fact) {
                mentioned[token] = true;
            }
        }
        int unknown = 0;
        for (int level = 1; level <= domain.levels(); level++) {
            for (int q = 0; q < QUESTIONS_A_LEVEL; q++) {
                Question question = domain.randomQuestion(source, level, random);
                unknown += check(domain, expected, actual, question, mentioned, false);
                Transcript transcript = ExpertRunner.run(domain.expert(), question, sub -> domain.isPrimitive(sub)
                        ? domain.answerPrimitive(expected, sub) : domain.solve(expected, sub));
                for (Exchange exchange : transcript.exchanges()) {
                    if (domain.isPrimitive(exchange.subquestion())) {
                        unknown += check(domain, expected, actual, exchange.subquestion(), mentioned, true);
                    }
                }
            }
        }
        return unknown;
    }

    private static int check(AlgorithmicDomain domain, Context expected, Context actual, Question question,
            boolean[] mentioned, boolean primitive) {
        int want = primitive ? domain.answerPrimitive(expected, question) : domain.solve(expected, question);
        int got = primitive ? domain.answerPrimitive(actual, question) : domain.solve(actual, question);
        boolean aboutAVertexWithoutEdges = domain instanceof ShortestPath
                && Arrays.stream(question.tokens()).anyMatch(token -> isName(domain, token) && !mentioned[token]);
        if (aboutAVertexWithoutEdges) {
            assertThat(got).as("%s about a vertex the facts do not mention", domain.describe(question))
                    .isEqualTo(Vocabulary.UNKNOWN);
            return want == Vocabulary.UNKNOWN ? 0 : 1;
        }
        assertThat(got).as("%s", domain.describe(question)).isEqualTo(want);
        if (!primitive) {
            assertThat(domain.measure(actual, question)).isEqualTo(domain.measure(expected, question));
        }
        return 0;
    }

    private static boolean isName(AlgorithmicDomain domain, int token) {
        String symbol = domain.vocabulary().symbol(token);
        return symbol.length() == 2 && symbol.chars().allMatch(c -> c >= 'a' && c <= 'h');
    }

    private static int[][] facts(AlgorithmicDomain domain, List<String> lines) {
        return lines.stream().map(line -> domain.parseFact(line)
                .orElseThrow(() -> new AssertionError("does not parse: " + line))).toArray(int[][]::new);
    }

    private static List<String> with(List<String> lines, int index, String line) {
        List<String> changed = new ArrayList<>(lines);
        changed.set(index, line);
        return changed;
    }

    private static void refused(AlgorithmicDomain domain, List<String> lines, String message) {
        assertThatThrownBy(() -> domain.contextOf(facts(domain, lines)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
