package org.amplify.experiments.internal;

import java.util.BitSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;

/**
 * The mutations of the adversarial search, made with the {@link AlgorithmicDomain} API only, so that
 * they work in every domain and never give H a malformed question:
 *
 * <ul>
 *   <li>{@code fresh question}: a new random question of the same level about the same context;
 *   <li>{@code token}: one token of the question replaced by the token at the same place in another
 *       random question of the same level about the same context (so a name stays a name of the
 *       context, a digit a digit);
 *   <li>{@code context}: the question kept, the context perturbed: one place of two facts swapped
 *       (every token of the facts stays, so what the question names is still there), accepted only
 *       when {@link AlgorithmicDomain#contextOf} accepts the facts, and only for a question whose tokens
 *       of the kinds facts hold all occur in the facts (a generated context may know more than its facts
 *       say, e.g. a vertex without edges, which a context rebuilt from its facts no longer has).
 * </ul>
 *
 * A mutated question must parse, be non-primitive and of a level between 1 and the search's highest.
 */
final class QuestionMutations {

    static final String FRESH = "fresh question";
    static final String TOKEN = "token";
    static final String CONTEXT = "context";

    /** Contexts generated to learn which tokens facts hold. */
    private static final int SAMPLE_CONTEXTS = 64;

    private final AlgorithmicDomain domain;
    private final int maxLevel;
    private final BitSet factTokens = new BitSet();

    QuestionMutations(AlgorithmicDomain domain, int maxLevel) {
        this.domain = domain;
        this.maxLevel = maxLevel;
        SplittableRandom random = new SplittableRandom(SAMPLE_CONTEXTS);
        for (int i = 0; i < SAMPLE_CONTEXTS; i++) {
            for (int[] fact : domain.generate(domain.defaultSize(), random).facts()) {
                for (int token : fact) {
                    factTokens.set(token);
                }
            }
        }
    }

    /** One mutation of the case, of a kind drawn uniformly; empty when it made nothing valid. */
    Optional<Mutation> mutate(Context context, Question question, RandomGenerator random) {
        int level = Math.max(1, Math.min(maxLevel, domain.level(question)));
        Mutation mutation = switch (random.nextInt(3)) {
            case 0 -> new Mutation(context, domain.randomQuestion(context, level, random), FRESH);
            case 1 -> new Mutation(context, redrawToken(context, question, level, random), TOKEN);
            default -> perturbContext(context, question, random);
        };
        return mutation != null && valid(mutation.context(), mutation.question()) ? Optional.of(mutation)
                : Optional.empty();
    }

    /** Whether H may be asked the question: it parses, is not primitive, and its level is searched. */
    boolean valid(Context context, Question question) {
        if (question.length() != domain.questionLength()
                || domain.parse(domain.notation(question)).filter(question::equals).isEmpty()
                || domain.isPrimitive(question)) {
            return false;
        }
        int level = domain.level(question);
        return level >= 1 && level <= maxLevel && domain.measure(context, question) > 0;
    }

    private Question redrawToken(Context context, Question question, int level, RandomGenerator random) {
        int[] tokens = question.tokens();
        int place = random.nextInt(tokens.length);
        tokens[place] = domain.randomQuestion(context, level, random).token(place);
        return new Question(tokens);
    }

    private Mutation perturbContext(Context context, Question question, RandomGenerator random) {
        int[][] facts = context.facts();
        if (facts.length < 2 || !namedByFacts(facts, question)) {
            return null;
        }
        int[][] changed = new int[facts.length][];
        for (int i = 0; i < facts.length; i++) {
            changed[i] = facts[i].clone();
        }
        int a = random.nextInt(facts.length);
        int b = random.nextInt(facts.length - 1);
        b = b >= a ? b + 1 : b;
        int place = random.nextInt(domain.factLength());
        int swapped = changed[a][place];
        changed[a][place] = changed[b][place];
        changed[b][place] = swapped;
        try {
            return new Mutation(domain.contextOf(changed), question, CONTEXT);
        } catch (IllegalArgumentException refused) {
            return null; // not a context of the domain: this mutation makes nothing
        }
    }

    /** Whether every token of the question of a kind that facts hold occurs in these facts. */
    private boolean namedByFacts(int[][] facts, Question question) {
        BitSet present = new BitSet();
        for (int[] fact : facts) {
            for (int token : fact) {
                present.set(token);
            }
        }
        for (int token : question.tokens()) {
            if (factTokens.get(token) && !present.get(token)) {
                return false;
            }
        }
        return true;
    }

    /** A mutated case and the kind of mutation that made it. */
    record Mutation(Context context, Question question, String kind) {}
}
