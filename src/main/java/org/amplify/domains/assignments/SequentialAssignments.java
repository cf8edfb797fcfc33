package org.amplify.domains.assignments;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.amplify.domains.Context;
import org.amplify.domains.NamedDomain;
import org.amplify.domains.Names;
import org.amplify.domains.ProgrammaticExpert;
import org.amplify.domains.Question;
import org.amplify.domains.Sampling;
import org.amplify.domains.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * Sequential assignments (the paper's {@code EvalTask}): N assignments of names, the first ⌊√N⌋
 * {@code x := v} with v in 1..8, the rest {@code x := f(y, z)} over earlier names, where f is a table
 * {1..8}² → {1..8}. A question asks the value of x.
 *
 * <p>Facts are three tokens: {@code x v -} (a constant), {@code x y z} (an application) and
 * {@code a b c} (the table entry f(a, b) = c, one for each pair some assignment uses, as in the
 * paper). A context of size N always has N + (N − ⌊√N⌋) facts, the unused table slots being the
 * filler fact {@code - - -}, so that contexts of one size have one shape.
 *
 * <p>Questions are three tokens, the first says what is asked: {@code val x -} (the value of x, the
 * only non-primitive question), {@code op1 x -} and {@code op2 x -} (x's first or second operand, a
 * name, or x's value when x is a constant, as in the paper) and {@code f a b} (the table entry). The
 * answer is one token: a value, a name, or {@link Vocabulary#UNKNOWN}. H asks {@code op1 x}; if it is
 * a value, that is the answer; else it asks the value a of that operand, then {@code op2 x} and its
 * value b, then {@code f a b}.
 *
 * <p>Every value question is one level: its natural difficulty, the depth of x in the chain of
 * assignments, depends on the context, which {@link #level(Question)} cannot see; it is the measure.
 */
@Component
public class SequentialAssignments extends NamedDomain {

    public static final String NAME = "sequential-assignments";
    public static final int VALUES = 8;
    static final int MAX_SUBQUESTIONS = 5;

    private final Vocabulary vocabulary;
    private final int firstName;
    private final int firstValue;
    private final int filler;
    private final int valueOf;
    private final int firstOperand;
    private final int secondOperand;
    private final int table;
    private final ProgrammaticExpert expert = new AssignmentsExpert(this);

    public SequentialAssignments() {
        super(NAME, "the value of x after N assignments x := v or x := f(y, z), for a table f over 1..8");
        Vocabulary.Builder builder = Vocabulary.builder();
        firstName = builder.add(Names.all());
        String[] values = new String[VALUES];
        for (int v = 0; v < VALUES; v++) {
            values[v] = Integer.toString(v + 1);
        }
        firstValue = builder.add(values);
        filler = builder.add("-");
        valueOf = builder.add("val");
        firstOperand = builder.add("op1");
        secondOperand = builder.add("op2");
        table = builder.add("f");
        vocabulary = builder.build();
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int factLength() {
        return 3;
    }

    @Override
    public int questionLength() {
        return 3;
    }

    @Override
    public int levels() {
        return 1;
    }

    /** The number of constants {@code x := v} in a context of size N: ⌊√N⌋. */
    public static int constants(int size) {
        return (int) Math.floor(Math.sqrt(size));
    }

    @Override
    public Program generate(int size, RandomGenerator random) {
        checkSize(size);
        int constants = constants(size);
        int[] names = Sampling.shuffledIndices(Names.COUNT, random);
        int[] value = new int[Names.COUNT];
        int[][] entries = new int[VALUES][VALUES];
        for (int[] row : entries) {
            Arrays.fill(row, -1);
        }
        int[][] facts = new int[size + size - constants][];
        int count = 0;
        for (int i = 0; i < size; i++) {
            int x = names[i];
            if (i < constants) {
                value[x] = random.nextInt(VALUES);
                facts[count++] = new int[] {firstName + x, firstValue + value[x], filler};
                continue;
            }
            int y = names[random.nextInt(i)];
            int z = names[random.nextInt(i)];
            int a = value[y];
            int b = value[z];
            if (entries[a][b] < 0) {
                entries[a][b] = random.nextInt(VALUES);
                facts[count++] = new int[] {firstValue + a, firstValue + b, firstValue + entries[a][b]};
            }
            value[x] = entries[a][b];
            facts[count++] = new int[] {firstName + x, firstName + y, firstName + z};
        }
        while (count < facts.length) {
            facts[count++] = new int[] {filler, filler, filler};
        }
        int[] order = Sampling.shuffledIndices(facts.length, random);
        int[][] shuffled = new int[facts.length][];
        for (int i = 0; i < facts.length; i++) {
            shuffled[i] = facts[order[i]];
        }
        return Programs.of(this, size, shuffled, Arrays.copyOf(names, size));
    }

    /**
     * Any order of facts (the generator shuffles them too: which assignment comes first follows from
     * the operands). Each fact is {@code x v -} (a constant 1..8), {@code x y z} (x := f(y, z)),
     * {@code a b c} (f(a, b) = c) or the filler {@code - - -}. Every name is assigned once; the N
     * assignments, 8 to 64, are ⌊√N⌋ constants and applications whose operands are assigned, without
     * a cycle; the table has exactly one entry for each pair of operand values some application uses.
     * The filler facts may be left out: the context is padded to N + (N − ⌊√N⌋) facts with them.
     */
    @Override
    public Program contextOf(int[][] pasted) {
        return new PastedProgram(this).parse(pasted);
    }


    @Override
    public Question randomQuestion(Context context, int level, RandomGenerator random) {
        checkLevel(level);
        int[] variables = ((Program) context).variables();
        return valueQuestion(firstName + variables[random.nextInt(variables.length)]);
    }

    @Override
    public int level(Question question) {
        return isValueQuestion(question) ? 1 : 0;
    }

    /** Only the value of a name is not primitive; operands, table entries and malformed questions are. */
    @Override
    public boolean isPrimitive(Question question) {
        return !isValueQuestion(question);
    }

    @Override
    public int solve(Context context, Question question) {
        Program program = (Program) context;
        if (question.length() != 3) {
            return Vocabulary.UNKNOWN;
        }
        int what = question.token(0);
        if (what == table) {
            int a = question.token(1) - firstValue;
            int b = question.token(2) - firstValue;
            if (!isValue(question.token(1)) || !isValue(question.token(2)) || program.table()[a][b] < 0) {
                return Vocabulary.UNKNOWN;
            }
            return firstValue + program.table()[a][b];
        }
        int x = question.token(1) - firstName;
        if (!isName(question.token(1)) || question.token(2) != filler || program.value()[x] < 0) {
            return Vocabulary.UNKNOWN;
        }
        boolean constant = program.first()[x] < 0;
        if (what == valueOf || (constant && (what == firstOperand || what == secondOperand))) {
            return firstValue + program.value()[x];
        }
        if (what == firstOperand) {
            return firstName + program.first()[x];
        }
        if (what == secondOperand) {
            return firstName + program.second()[x];
        }
        return Vocabulary.UNKNOWN;
    }

    @Override
    public ProgrammaticExpert expert() {
        return expert;
    }

    /**
     * The depth of x's value question in the chain of assignments plus one (a constant's is 1), 0 for
     * a primitive question or a name the context does not have. Every value H asks is of an operand,
     * read from the environment, so it is strictly smaller.
     */
    @Override
    public int measure(Context context, Question question) {
        if (!isValueQuestion(question)) {
            return 0;
        }
        int depth = ((Program) context).depth()[question.token(1) - firstName];
        return depth < 0 ? 0 : depth + 1;
    }

    /** The depth of x in the chain of assignments (0 for a constant), -1 for any other question. */
    public int depth(Context context, Question question) {
        return measure(context, question) - 1;
    }

    @Override
    public String kind(Question question) {
        if (isValueQuestion(question)) {
            return "value";
        }
        if (!isWellFormedPrimitive(question)) {
            return "malformed";
        }
        return question.token(0) == table ? "table" : "operand";
    }

    @Override
    public String describe(Question question) {
        if (!isValueQuestion(question) && !isWellFormedPrimitive(question)) {
            return vocabulary.render(question.tokens());
        }
        String a = vocabulary.symbol(question.token(1));
        int what = question.token(0);
        if (what == valueOf) {
            return "value of " + a;
        }
        if (what == firstOperand) {
            return "first operand of " + a;
        }
        if (what == secondOperand) {
            return "second operand of " + a;
        }
        return "f(" + a + ", " + vocabulary.symbol(question.token(2)) + ")";
    }

    @Override
    public String describeFact(int[] fact) {
        if (fact.length != 3 || fact[0] == filler) {
            return "(no fact)";
        }
        String x = vocabulary.symbol(fact[0]);
        if (isValue(fact[0])) {
            return "f(" + x + ", " + vocabulary.symbol(fact[1]) + ") = " + vocabulary.symbol(fact[2]);
        }
        if (fact[2] == filler) {
            return x + " := " + vocabulary.symbol(fact[1]);
        }
        return x + " := f(" + vocabulary.symbol(fact[1]) + ", " + vocabulary.symbol(fact[2]) + ")";
    }

    /** The question "the value of x" for a name token x. */
    public Question valueQuestion(int nameToken) {
        return new Question(valueOf, nameToken, filler);
    }

    /** The question "x's first operand (its value when x is a constant)" for a name token x. */
    public Question firstOperandQuestion(int nameToken) {
        return new Question(firstOperand, nameToken, filler);
    }

    /** The question "x's second operand (its value when x is a constant)" for a name token x. */
    public Question secondOperandQuestion(int nameToken) {
        return new Question(secondOperand, nameToken, filler);
    }

    /** The question f(a, b) for value tokens a and b. */
    public Question tableQuestion(int valueToken1, int valueToken2) {
        return new Question(table, valueToken1, valueToken2);
    }

    /** The token of the name with index 0..63. */
    public int nameToken(int index) {
        return firstName + index;
    }

    /** The token of the value v, 1..8. */
    public int valueToken(int v) {
        if (v < 1 || v > VALUES) {
            throw new IllegalArgumentException("a value is between 1 and " + VALUES);
        }
        return firstValue + v - 1;
    }

    /** The filler token that pads facts and questions. */
    public int fillerToken() {
        return filler;
    }

    boolean isName(int token) {
        return token >= firstName && token < firstName + Names.COUNT;
    }

    boolean isValue(int token) {
        return token >= firstValue && token < firstValue + VALUES;
    }

    boolean isValueQuestion(Question question) {
        return question.length() == 3 && question.token(0) == valueOf && isName(question.token(1))
                && question.token(2) == filler;
    }

    boolean isWellFormedPrimitive(Question question) {
        if (question.length() != 3) {
            return false;
        }
        int what = question.token(0);
        if (what == table) {
            return isValue(question.token(1)) && isValue(question.token(2));
        }
        return (what == firstOperand || what == secondOperand) && isName(question.token(1))
                && question.token(2) == filler;
    }

    /**
     * A program: its facts, the names assigned in order, and by name index (-1 for names it does not
     * have) each value (0..7 for 1..8), depth and operands; the table entries it uses (-1 elsewhere).
     */
    public record Program(int size, int[][] facts, int[] variables, int[] value, int[] depth, int[] first,
            int[] second, int[][] table) implements Context {}
}
