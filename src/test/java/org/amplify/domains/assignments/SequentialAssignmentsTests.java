package org.amplify.domains.assignments;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amplify.domains.DomainContract;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertRunner;
import org.amplify.domains.Question;
import org.amplify.domains.Transcript;
import org.amplify.domains.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequentialAssignmentsTests {

    private final SequentialAssignments domain = new SequentialAssignments();

    @Test
    void keepsTheDomainContract() {
        DomainContract.check(domain, 8, 15, 16, 40, 64);
    }

    @Test
    void hReadsTheOperandsAsksTheirValuesThenReadsTheTable() {
        // cc := f(aa, bb) with aa = 3, bb = 5 and f(3, 5) = 7; H never sees the context, only answers
        int aa = domain.nameToken(0);
        int bb = domain.nameToken(1);
        int cc = domain.nameToken(2);
        Map<Question, Integer> answers = new HashMap<>();
        answers.put(domain.firstOperandQuestion(cc), aa);
        answers.put(domain.secondOperandQuestion(cc), bb);
        answers.put(domain.valueQuestion(aa), domain.valueToken(3));
        answers.put(domain.valueQuestion(bb), domain.valueToken(5));
        answers.put(domain.tableQuestion(domain.valueToken(3), domain.valueToken(5)), domain.valueToken(7));
        Transcript transcript = ExpertRunner.run(domain.expert(), domain.valueQuestion(cc), answers::get);
        assertThat(transcript.exchanges()).extracting(e -> domain.describe(e.subquestion())).containsExactly(
                "first operand of ac", "value of aa", "second operand of ac", "value of ab", "f(3, 5)");
        assertThat(transcript.answer()).isEqualTo(domain.valueToken(7));
        assertThat(domain.isPrimitive(domain.valueQuestion(aa))).isFalse();
        assertThat(transcript.exchanges().stream().filter(e -> domain.isPrimitive(e.subquestion()))).hasSize(3);
    }

    @Test
    void aConstantIsAnsweredFromItsFirstOperandQuestion() {
        int aa = domain.nameToken(0);
        Transcript transcript = ExpertRunner.run(domain.expert(), domain.valueQuestion(aa),
                q -> q.equals(domain.firstOperandQuestion(aa)) ? domain.valueToken(4) : Vocabulary.UNKNOWN);
        assertThat(transcript.exchanges()).hasSize(1);
        assertThat(transcript.answer()).isEqualTo(domain.valueToken(4));
    }

    @Test
    void theFactsAloneDetermineEveryValueAndTheirNumberDependsOnlyOnTheSize() {
        SplittableRandom random = new SplittableRandom(3);
        for (int size : new int[] {8, 20, 64}) {
            SequentialAssignments.Program program = domain.generate(size, random);
            assertThat(program.facts().length).isEqualTo(size + size - SequentialAssignments.constants(size));
            Map<Integer, int[]> assignments = new HashMap<>();
            Map<Integer, Integer> table = new HashMap<>();
            for (int[] fact : program.facts()) {
                if (domain.isName(fact[0])) {
                    assertThat(assignments.put(fact[0], fact)).as("one assignment a name").isNull();
                } else if (domain.isValue(fact[0])) {
                    assertThat(table.put(fact[0] * 1000 + fact[1], fact[2])).as("one entry a pair").isNull();
                } else {
                    assertThat(fact).containsOnly(domain.fillerToken());
                }
            }
            assertThat(assignments).hasSize(size);
            for (int x : assignments.keySet()) {
                assertThat(evaluate(x, assignments, table)).isEqualTo(domain.solve(program, domain.valueQuestion(x)));
            }
        }
    }

    private int evaluate(int x, Map<Integer, int[]> assignments, Map<Integer, Integer> table) {
        int[] fact = assignments.get(x);
        if (fact[2] == domain.fillerToken()) {
            return fact[1];
        }
        return table.get(evaluate(fact[1], assignments, table) * 1000 + evaluate(fact[2], assignments, table));
    }

    @Test
    void theMeasureIsTheDepthAndOperandsAreShallower() {
        SequentialAssignments.Program program = domain.generate(64, new SplittableRandom(4));
        for (int x : program.variables()) {
            Question question = domain.valueQuestion(domain.nameToken(x));
            int depth = domain.depth(program, question);
            assertThat(depth).isEqualTo(program.depth()[x]).isGreaterThanOrEqualTo(0);
            if (depth > 0) {
                assertThat(program.depth()[program.first()[x]]).isLessThan(depth);
                assertThat(program.depth()[program.second()[x]]).isLessThan(depth);
            }
        }
    }

    @Test
    void malformedQuestionsAndUnknownNamesAreAnsweredWithUnknown() {
        SequentialAssignments.Program program = domain.generate(8, new SplittableRandom(5));
        int aa = domain.nameToken(0);
        List<Question> malformed = List.of(new Question(1, 2), new Question(domain.valueToken(1), aa, aa),
                new Question(domain.tableQuestion(domain.valueToken(1), aa).tokens()),
                new Question(domain.valueQuestion(aa).tokens()[0], aa, aa),
                new Question(domain.valueQuestion(aa).tokens()[0], domain.valueToken(2), domain.fillerToken()));
        for (Question question : malformed) {
            assertThat(domain.isPrimitive(question)).isTrue();
            assertThat(domain.solve(program, question)).isEqualTo(Vocabulary.UNKNOWN);
            assertThat(domain.answerPrimitive(program, question)).isEqualTo(Vocabulary.UNKNOWN);
            Transcript transcript = ExpertRunner.run(domain.expert(), question, q -> {
                throw new AssertionError("asked " + q);
            });
            assertThat(transcript.answer()).isEqualTo(Vocabulary.UNKNOWN);
            assertThat(domain.kind(question)).isEqualTo("malformed");
        }
        int absent = 0;
        while (program.value()[absent] >= 0) {
            absent++;
        }
        int name = domain.nameToken(absent);
        assertThat(domain.solve(program, domain.valueQuestion(name))).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(domain.solve(program, domain.firstOperandQuestion(name))).isEqualTo(Vocabulary.UNKNOWN);
        Transcript transcript = ExpertRunner.run(domain.expert(), domain.valueQuestion(name),
                q -> domain.answerPrimitive(program, q));
        assertThat(transcript.answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(transcript.exchanges()).hasSize(1);
    }

    @Test
    void garbageAnswersGiveUnknownOrAValueAndNeverTooManyQuestions() {
        int aa = domain.nameToken(0);
        int bb = domain.nameToken(1);
        Transcript nonsense = ExpertRunner.run(domain.expert(), domain.valueQuestion(aa),
                q -> q.token(0) == domain.firstOperandQuestion(aa).token(0) ? bb : aa); // a value that is a name
        assertThat(nonsense.answer()).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(nonsense.exchanges()).hasSize(2);

        SplittableRandom random = new SplittableRandom(6);
        int vocabulary = domain.vocabulary().size();
        for (int i = 0; i < 5_000; i++) {
            Question question = domain.valueQuestion(domain.nameToken(random.nextInt(64)));
            Transcript transcript = ExpertRunner.run(domain.expert(), question, q -> random.nextInt(vocabulary + 3) - 1);
            assertThat(transcript.exchanges().size()).isLessThanOrEqualTo(domain.expert().maxSubquestions());
            assertThat(transcript.answer() == Vocabulary.UNKNOWN || domain.isValue(transcript.answer())).isTrue();
            for (Exchange exchange : transcript.exchanges()) {
                assertThat(exchange.subquestion().length()).isEqualTo(domain.questionLength());
            }
        }
    }

    @Test
    void describesFactsForPeople() {
        SequentialAssignments.Program program = domain.generate(8, new SplittableRandom(7));
        assertThat(Arrays.asList(program.facts())).extracting(domain::describeFact).allMatch(text ->
                text.matches("[a-h]{2} := [1-8]|[a-h]{2} := f\\([a-h]{2}, [a-h]{2}\\)|f\\([1-8], [1-8]\\) = [1-8]|\\(no fact\\)"));
        assertThat(domain.describeAnswer(domain.valueToken(8))).isEqualTo("8");
    }
}
