package org.amplify.domains.permutation;

import java.util.List;
import java.util.random.RandomGenerator;
import org.amplify.domains.Context;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertStep;
import org.amplify.domains.NamedDomain;
import org.amplify.domains.Names;
import org.amplify.domains.PastedFacts;
import org.amplify.domains.ProgrammaticExpert;
import org.amplify.domains.Question;
import org.amplify.domains.Sampling;
import org.amplify.domains.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * Permutation powering: the context is a permutation σ of N names (one fact {@code x σ(x)} each);
 * a question asks σ^k(x) for 2 ≤ k < 64, with k written in 6 binary digits, most significant first.
 * H asks y = σ^⌊k/2⌋(x), then z = σ^⌊k/2⌋(y), then σ(z) if k is odd (primitive).
 */
@Component
public class PermutationPowering extends NamedDomain {

    public static final String NAME = "permutation-powering";
    static final int BITS = 6;

    private final Vocabulary vocabulary;
    private final int firstName;
    private final int zero;
    private final int one;
    private final ProgrammaticExpert expert = this::nextStep;

    public PermutationPowering() {
        super(NAME, "σ^k(x) for a permutation σ of N names, 2 ≤ k < 64");
        Vocabulary.Builder builder = Vocabulary.builder();
        firstName = builder.add(Names.all());
        zero = builder.add("0");
        one = builder.add("1");
        vocabulary = builder.build();
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int factLength() {
        return 2;
    }

    @Override
    public int questionLength() {
        return 1 + BITS;
    }

    @Override
    public int levels() {
        return BITS - 1;
    }

    @Override
    public Permutation generate(int size, RandomGenerator random) {
        checkSize(size);
        int[] names = Sampling.shuffledIndices(Names.COUNT, random);
        int[] order = Sampling.shuffledIndices(size, random);
        int[][] facts = new int[size][];
        for (int i = 0; i < size; i++) {
            facts[i] = new int[] {firstName + names[i], firstName + names[order[i]]};
        }
        return permutation(facts);
    }

    /**
     * Any order of facts; each {@code x y} (σ(x) = y) two names, every name they mention exactly once
     * first and once second (σ is a bijection on them), and 8 to 64 of them.
     */
    @Override
    public Permutation contextOf(int[][] pasted) {
        int[][] facts = PastedFacts.checkedCopy(this, pasted);
        int[] sourceLine = new int[Names.COUNT];
        int[] imageLine = new int[Names.COUNT];
        java.util.Arrays.fill(sourceLine, -1);
        java.util.Arrays.fill(imageLine, -1);
        for (int i = 0; i < facts.length; i++) {
            for (int j = 0; j < 2; j++) {
                if (!isName(facts[i][j])) {
                    throw PastedFacts.refuse(this, facts, i, "token " + (j + 1) + " must be a name (aa to hh), not "
                            + vocabulary.symbol(facts[i][j]));
                }
            }
            int x = facts[i][0] - firstName;
            int y = facts[i][1] - firstName;
            if (sourceLine[x] >= 0) {
                throw PastedFacts.refuse(this, facts, i, "σ(" + Names.name(x) + ") is already given on "
                        + PastedFacts.line(this, facts, sourceLine[x]));
            }
            if (imageLine[y] >= 0) {
                throw PastedFacts.refuse(this, facts, i, Names.name(y) + " is already the image of another name on "
                        + PastedFacts.line(this, facts, imageLine[y]) + ": σ must be one-to-one");
            }
            sourceLine[x] = i;
            imageLine[y] = i;
        }
        for (int i = 0; i < facts.length; i++) {
            int y = facts[i][1] - firstName;
            if (sourceLine[y] < 0) {
                throw PastedFacts.refuse(this, facts, i, "no fact gives σ(" + Names.name(y)
                        + "): σ must be a permutation of the names the facts mention");
            }
        }
        PastedFacts.checkSize(this, facts.length, "the facts make a permutation of " + facts.length + " names");
        return permutation(facts);
    }

    /** The context of facts that make a permutation: what generating and pasting share. */
    private Permutation permutation(int[][] facts) {
        int[] sigma = new int[Names.COUNT];
        java.util.Arrays.fill(sigma, -1);
        for (int[] fact : facts) {
            sigma[fact[0] - firstName] = fact[1] - firstName;
        }
        return new Permutation(facts.length, facts, sigma);
    }

    @Override
    public Question randomQuestion(Context context, int level, RandomGenerator random) {
        checkLevel(level);
        int[][] facts = context.facts();
        int x = facts[random.nextInt(facts.length)][0];
        int k = (1 << level) + random.nextInt(1 << level);
        return question(x, k);
    }

    @Override
    public int level(Question question) {
        int k = power(question);
        return k < 2 ? 0 : 31 - Integer.numberOfLeadingZeros(k);
    }

    @Override
    public boolean isPrimitive(Question question) {
        return power(question) < 2;
    }

    @Override
    public int solve(Context context, Question question) {
        int k = power(question);
        int x = question.token(0) - firstName;
        int[] sigma = ((Permutation) context).sigma;
        if (k < 0 || x < 0 || x >= Names.COUNT || sigma[x] < 0) {
            return Vocabulary.UNKNOWN;
        }
        for (int i = 0; i < k; i++) {
            x = sigma[x];
        }
        return firstName + x;
    }

    @Override
    public ProgrammaticExpert expert() {
        return expert;
    }

    private ExpertStep nextStep(Question question, List<Exchange> exchanges) {
        int k = power(question);
        int x = question.token(0);
        if (k < 0 || !isName(x)) {
            return ExpertStep.answer(Vocabulary.UNKNOWN);
        }
        int step = exchanges.size();
        if (k < 2) { // primitive: read it from the environment
            return step == 0 ? ExpertStep.ask(question) : ExpertStep.answer(exchanges.get(0).answer());
        }
        int half = k / 2;
        if (step > 0 && !isName(exchanges.get(step - 1).answer())) {
            return ExpertStep.answer(Vocabulary.UNKNOWN);
        }
        return switch (step) {
            case 0 -> ExpertStep.ask(question(x, half));
            case 1 -> ExpertStep.ask(question(exchanges.get(0).answer(), half));
            case 2 -> k % 2 == 1
                    ? ExpertStep.ask(question(exchanges.get(1).answer(), 1))
                    : ExpertStep.answer(exchanges.get(1).answer());
            default -> ExpertStep.answer(exchanges.get(step - 1).answer());
        };
    }

    @Override
    public int measure(Context context, Question question) {
        return Math.max(power(question), 0);
    }

    @Override
    public String kind(Question question) {
        int level = level(question);
        return level == 0 ? "primitive" : "k " + (1 << level) + "-" + ((1 << (level + 1)) - 1);
    }

    @Override
    public String describe(Question question) {
        int k = power(question);
        return "σ^" + (k < 0 ? "?" : Integer.toString(k)) + "(" + vocabulary.symbol(question.token(0)) + ")";
    }

    @Override
    public String describeFact(int[] fact) {
        return "σ(" + vocabulary.symbol(fact[0]) + ") = " + vocabulary.symbol(fact[1]);
    }

    /** The question σ^k(x) for a name token x. */
    public Question question(int nameToken, int k) {
        if (k < 0 || k >= (1 << BITS)) {
            throw new IllegalArgumentException("k must be between 0 and " + ((1 << BITS) - 1));
        }
        int[] tokens = new int[1 + BITS];
        tokens[0] = nameToken;
        for (int bit = 0; bit < BITS; bit++) {
            tokens[1 + bit] = ((k >> (BITS - 1 - bit)) & 1) == 1 ? one : zero;
        }
        return new Question(tokens);
    }

    /** k of σ^k(x), or -1 when the question is malformed. */
    int power(Question question) {
        if (question.length() != 1 + BITS) {
            return -1;
        }
        int k = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int token = question.token(1 + bit);
            if (token != zero && token != one) {
                return -1;
            }
            k = (k << 1) | (token == one ? 1 : 0);
        }
        return k;
    }

    private boolean isName(int token) {
        return token >= firstName && token < firstName + Names.COUNT;
    }

    /** A permutation context: its facts, and σ by name index (-1 for names not in it). */
    public record Permutation(int size, int[][] facts, int[] sigma) implements Context {}
}
