package org.amplify.domains.wildcard;

import java.util.List;
import java.util.random.RandomGenerator;
import org.amplify.domains.Context;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertStep;
import org.amplify.domains.NamedDomain;
import org.amplify.domains.PastedFacts;
import org.amplify.domains.ProgrammaticExpert;
import org.amplify.domains.Question;
import org.amplify.domains.Sampling;
import org.amplify.domains.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * Wildcard search (the paper's {@code SumTask}): f: {0,1}^6 → {−1, 0, 1} is non-zero at N points,
 * one fact each, {@code b1 … b6 v} (six bits, most significant first, and v = −1 or +1). A question
 * is a pattern of six tokens {@code 0}, {@code 1} or {@code *}, such as {@code 0**1*0}; its answer is
 * the sum of f over the points the pattern matches, one token from −64 to +64. A pattern without a
 * wildcard is primitive: f at one point, the fact's value if there is one, else 0. H replaces the
 * first {@code *} by 0 and by 1, asks both and adds. The level of a question is its number of
 * wildcards; so is its measure.
 */
@Component
public class WildcardSearch extends NamedDomain {

    public static final String NAME = "wildcard-search";
    public static final int BITS = 6;
    public static final int POINTS = 1 << BITS;
    static final int MAX_SUBQUESTIONS = 2;

    private final Vocabulary vocabulary;
    private final int zero;
    private final int one;
    private final int wild;
    /** The token of the number −64; the number n is {@code minusMax + n + POINTS}. */
    private final int minusMax;
    private final ProgrammaticExpert expert = new ProgrammaticExpert() {
        @Override
        public ExpertStep next(Question question, List<Exchange> exchanges) {
            return nextStep(question, exchanges);
        }

        @Override
        public int maxSubquestions() {
            return MAX_SUBQUESTIONS;
        }
    };

    public WildcardSearch() {
        super(NAME, "the sum of f: {0,1}^6 → {−1, 0, 1} (non-zero at N points) over a pattern such as 0**1*0");
        Vocabulary.Builder builder = Vocabulary.builder();
        zero = builder.add("0");
        one = builder.add("1");
        wild = builder.add("*");
        String[] numbers = new String[2 * POINTS + 1];
        for (int n = -POINTS; n <= POINTS; n++) { // signed, so that they differ from the bits
            numbers[n + POINTS] = n < 0 ? Integer.toString(n) : "+" + n;
        }
        minusMax = builder.add(numbers);
        vocabulary = builder.build();
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int factLength() {
        return BITS + 1;
    }

    @Override
    public int questionLength() {
        return BITS;
    }

    @Override
    public int maxSize() {
        return POINTS;
    }

    @Override
    public int levels() {
        return BITS;
    }

    @Override
    public Points generate(int size, RandomGenerator random) {
        checkSize(size);
        int[] points = Sampling.shuffledIndices(POINTS, random);
        int[][] facts = new int[size][];
        for (int i = 0; i < size; i++) {
            int point = points[i];
            int value = random.nextBoolean() ? 1 : -1;
            int[] fact = new int[BITS + 1];
            for (int bit = 0; bit < BITS; bit++) {
                fact[bit] = bitOf(point, bit) == 1 ? one : zero;
            }
            fact[BITS] = numberToken(value);
            facts[i] = fact;
        }
        return points(facts);
    }

    /**
     * Any order of facts; each {@code b1 … b6 v} six bits {@code 0}/{@code 1} (a point, no {@code *}) and
     * v = {@code -1} or {@code +1}, no point twice, and 8 to 64 of them.
     */
    @Override
    public Points contextOf(int[][] pasted) {
        int[][] facts = PastedFacts.checkedCopy(this, pasted);
        int[] pointLine = new int[POINTS];
        java.util.Arrays.fill(pointLine, -1);
        for (int i = 0; i < facts.length; i++) {
            int[] fact = facts[i];
            for (int bit = 0; bit < BITS; bit++) {
                if (fact[bit] != zero && fact[bit] != one) {
                    throw PastedFacts.refuse(this, facts, i, "token " + (bit + 1) + " must be a bit, 0 or 1, not "
                            + vocabulary.symbol(fact[bit]) + (fact[bit] == wild ? " (a fact is one point)" : ""));
                }
            }
            if (fact[BITS] != numberToken(1) && fact[BITS] != numberToken(-1)) {
                throw PastedFacts.refuse(this, facts, i, "token " + (BITS + 1)
                        + " must be the value of f there, -1 or +1, not " + vocabulary.symbol(fact[BITS])
                        + " (f is 0 wherever no fact says otherwise)");
            }
            int point = point(fact);
            if (pointLine[point] >= 0) {
                throw PastedFacts.refuse(this, facts, i, "f at this point is already given on "
                        + PastedFacts.line(this, facts, pointLine[point]));
            }
            pointLine[point] = i;
        }
        PastedFacts.checkSize(this, facts.length, "the facts give f at " + facts.length + " points");
        return points(facts);
    }

    /** The context of facts that give f at distinct points: what generating and pasting share. */
    private Points points(int[][] facts) {
        int[] f = new int[POINTS];
        for (int[] fact : facts) {
            f[point(fact)] = number(fact[BITS]);
        }
        return new Points(facts.length, facts, f);
    }

    /** The point of a fact: its bits read as a binary number, most significant first. */
    private int point(int[] fact) {
        int point = 0;
        for (int bit = 0; bit < BITS; bit++) {
            point = (point << 1) | (fact[bit] == one ? 1 : 0);
        }
        return point;
    }

    /** A pattern with {@code level} wildcards at random places, random bits elsewhere. */
    @Override
    public Question randomQuestion(Context context, int level, RandomGenerator random) {
        checkLevel(level);
        int[] tokens = new int[BITS];
        for (int i = 0; i < BITS; i++) {
            tokens[i] = random.nextBoolean() ? one : zero;
        }
        int[] places = Sampling.shuffledIndices(BITS, random);
        for (int i = 0; i < level; i++) {
            tokens[places[i]] = wild;
        }
        return new Question(tokens);
    }

    @Override
    public int level(Question question) {
        return Math.max(wildcards(question), 0);
    }

    /** A pattern without a wildcard is primitive; so is a malformed question (answered with UNKNOWN). */
    @Override
    public boolean isPrimitive(Question question) {
        return wildcards(question) <= 0;
    }

    @Override
    public int solve(Context context, Question question) {
        if (wildcards(question) < 0) {
            return Vocabulary.UNKNOWN;
        }
        int[] f = ((Points) context).f();
        int sum = 0;
        for (int point = 0; point < POINTS; point++) {
            if (f[point] != 0 && matches(question, point)) {
                sum += f[point];
            }
        }
        return numberToken(sum);
    }

    @Override
    public ProgrammaticExpert expert() {
        return expert;
    }

    private ExpertStep nextStep(Question question, List<Exchange> exchanges) {
        int wildcards = wildcards(question);
        int step = exchanges.size();
        if (wildcards < 0) {
            return ExpertStep.answer(Vocabulary.UNKNOWN);
        }
        if (wildcards == 0) { // primitive: read it from the environment
            return step == 0 ? ExpertStep.ask(question) : ExpertStep.answer(exchanges.get(0).answer());
        }
        // each half is a sum over 2^(w-1) points: an answer outside that range makes no sense
        int bound = 1 << (wildcards - 1);
        for (Exchange exchange : exchanges) {
            int answer = exchange.answer();
            if (!isNumber(answer) || Math.abs(number(answer)) > bound) {
                return ExpertStep.answer(Vocabulary.UNKNOWN);
            }
        }
        return switch (step) {
            case 0 -> ExpertStep.ask(fillFirstWildcard(question, zero));
            case 1 -> ExpertStep.ask(fillFirstWildcard(question, one));
            default -> ExpertStep.answer(numberToken(number(exchanges.get(0).answer())
                    + number(exchanges.get(1).answer())));
        };
    }

    /** The number of wildcards: every non-primitive subquestion H asks has one fewer. */
    @Override
    public int measure(Context context, Question question) {
        return level(question);
    }

    @Override
    public String kind(Question question) {
        int wildcards = wildcards(question);
        return wildcards < 0 ? "malformed" : wildcards == 0 ? "point" : "wildcards " + wildcards;
    }

    @Override
    public String describe(Question question) {
        return wildcards(question) < 0 ? vocabulary.render(question.tokens())
                : "sum of f over " + pattern(question);
    }

    @Override
    public String describeFact(int[] fact) {
        if (fact.length != BITS + 1) {
            return vocabulary.render(fact);
        }
        StringBuilder point = new StringBuilder();
        for (int bit = 0; bit < BITS; bit++) {
            point.append(vocabulary.symbol(fact[bit]));
        }
        return "f(" + point + ") = " + describeAnswer(fact[BITS]);
    }

    @Override
    public String describeAnswer(int answer) {
        return isNumber(answer) ? Integer.toString(number(answer)) : vocabulary.symbol(answer);
    }

    /** The question for a pattern such as {@code 0**1*0}. */
    public Question question(String pattern) {
        if (pattern.length() != BITS) {
            throw new IllegalArgumentException("a pattern has " + BITS + " symbols of 0, 1 and *");
        }
        int[] tokens = new int[BITS];
        for (int i = 0; i < BITS; i++) {
            tokens[i] = switch (pattern.charAt(i)) {
                case '0' -> zero;
                case '1' -> one;
                case '*' -> wild;
                default -> throw new IllegalArgumentException("a pattern has " + BITS + " symbols of 0, 1 and *");
            };
        }
        return new Question(tokens);
    }

    /** The pattern of a question, such as {@code 0**1*0}. */
    public String pattern(Question question) {
        StringBuilder pattern = new StringBuilder();
        for (int token : question.tokens()) {
            pattern.append(vocabulary.symbol(token));
        }
        return pattern.toString();
    }

    /** The token of the number n, −64 ≤ n ≤ 64. */
    public int numberToken(int n) {
        if (n < -POINTS || n > POINTS) {
            throw new IllegalArgumentException("a number is between " + -POINTS + " and " + POINTS);
        }
        return minusMax + n + POINTS;
    }

    /** The number of a number token. */
    public int number(int token) {
        if (!isNumber(token)) {
            throw new IllegalArgumentException("not a number: " + vocabulary.symbol(token));
        }
        return token - minusMax - POINTS;
    }

    public boolean isNumber(int token) {
        return token >= minusMax && token <= minusMax + 2 * POINTS;
    }

    /** The number of wildcards in a pattern, -1 for a malformed question. */
    int wildcards(Question question) {
        if (question.length() != BITS) {
            return -1;
        }
        int count = 0;
        for (int token : question.tokens()) {
            if (token == wild) {
                count++;
            } else if (token != zero && token != one) {
                return -1;
            }
        }
        return count;
    }

    private boolean matches(Question question, int point) {
        for (int bit = 0; bit < BITS; bit++) {
            int token = question.token(bit);
            if (token != wild && (token == one ? 1 : 0) != bitOf(point, bit)) {
                return false;
            }
        }
        return true;
    }

    private static int bitOf(int point, int bit) {
        return (point >> (BITS - 1 - bit)) & 1;
    }

    private Question fillFirstWildcard(Question question, int bit) {
        int[] tokens = question.tokens();
        for (int i = 0; i < BITS; i++) {
            if (tokens[i] == wild) {
                tokens[i] = bit;
                break;
            }
        }
        return new Question(tokens);
    }

    /** A function on {0,1}^6: its facts, and f by point (the bits read as a binary number). */
    public record Points(int size, int[][] facts, int[] f) implements Context {}
}
