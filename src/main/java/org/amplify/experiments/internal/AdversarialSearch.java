package org.amplify.experiments.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.amplify.amplification.Amplifier;
import org.amplify.domains.AlgorithmicDomain;
import org.amplify.domains.Context;
import org.amplify.domains.Question;
import org.amplify.models.AnswerModel;
import org.amplify.models.ModelInput;

/**
 * The adversarial search of security amplification: looks for questions where X's answer disagrees
 * with Amplify^H(X), with a budget of queries (one query: one question amplified and answered by X).
 *
 * <p>Phase 1 asks random questions about random contexts. Phase 2 mutates the worst cases found so
 * far: those where X gives the amplified target the least probability (every disagreement ranks above
 * every agreement, since X's own answer is then more likely than the target). A mutation is a
 * {@link QuestionMutations fresh question on the same context, one token of the question redrawn, or a
 * context perturbed around the question}; a pair already asked is never asked again. No ground truth
 * is used to search: {@code domain.solve} only counts, at the end, how many found cases X actually
 * got wrong. The same seed gives the same search.
 */
public final class AdversarialSearch {

    /** Questions amplified and answered together. */
    static final int BATCH = 64;
    /** How many of the worst cases phase 2 mutates (drawn uniformly among them). */
    static final int POOL = 32;
    private static final int QUESTIONS_PER_CONTEXT = 4;
    private static final int ATTEMPTS = 20;

    private final AlgorithmicDomain domain;
    private final Amplifier amplifier;
    private final int size;
    private final int maxLevel;

    /**
     * @param size the task size N of the contexts
     * @param maxLevel questions of levels 1 to this (capped at the domain's levels)
     */
    public AdversarialSearch(AlgorithmicDomain domain, Amplifier amplifier, int size, int maxLevel) {
        this.domain = domain;
        this.amplifier = amplifier;
        this.size = size;
        this.maxLevel = maxLevel <= 0 ? domain.levels() : Math.min(maxLevel, domain.levels());
    }

    /**
     * Spends the budget: {@code round((1 - mutationShare) · queries)} random queries, then the rest on
     * mutations.
     *
     * @param progress told of the queries spent so far, after each batch
     */
    public Result search(AnswerModel model, int queries, double mutationShare, long seed, IntConsumer progress) {
        if (queries <= 0 || mutationShare < 0 || mutationShare > 1) {
            throw new IllegalArgumentException("queries must be positive and mutationShare in [0, 1]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        QuestionMutations mutations = new QuestionMutations(domain, maxLevel);
        int randomQueries = (int) Math.round((1 - mutationShare) * queries);
        Set<String> asked = new HashSet<>();
        List<Case> all = new ArrayList<>();
        List<Case> worst = new ArrayList<>();
        int[] disagreements = new int[2];
        int[] spent = new int[2];
        while (spent[0] + spent[1] < queries) {
            int phase = spent[0] < randomQueries ? 0 : 1;
            int room = phase == 0 ? randomQueries - spent[0] : queries - randomQueries - spent[1];
            List<Context> contexts = new ArrayList<>();
            List<Question> questions = new ArrayList<>();
            List<String> origins = new ArrayList<>();
            Context context = null;
            for (int i = 0; i < Math.min(BATCH, room); i++) {
                Probe probe = null;
                for (int attempt = 0; attempt < ATTEMPTS && probe == null; attempt++) {
                    if (phase == 0 || worst.isEmpty()) {
                        if (context == null || i % QUESTIONS_PER_CONTEXT == 0 || attempt > 0) {
                            context = domain.generate(size, random);
                        }
                        Question question = domain.randomQuestion(context, 1 + random.nextInt(maxLevel), random);
                        probe = new Probe(context, question, "random");
                    } else {
                        Case parent = worst.get(random.nextInt(worst.size()));
                        probe = mutations.mutate(parent.context(), parent.question(), random)
                                .map(m -> new Probe(m.context(), m.question(), m.kind())).orElse(null);
                    }
                    if (probe != null && (!mutations.valid(probe.context(), probe.question())
                            || !asked.add(key(probe.context(), probe.question())))) {
                        probe = null;
                    }
                }
                if (probe == null) {
                    continue; // nothing new near these cases: the next probe tries again
                }
                contexts.add(probe.context());
                questions.add(probe.question());
                origins.add(probe.origin());
            }
            if (questions.isEmpty()) {
                break; // every attempt asked before: the space is exhausted
            }
            List<Case> batch = ask(model, contexts, questions, origins, phase);
            for (Case found : batch) {
                all.add(found);
                spent[phase]++;
                if (found.disagrees()) {
                    disagreements[phase]++;
                }
            }
            worst.addAll(batch);
            worst.sort(Comparator.comparingDouble(Case::targetProbability));
            if (worst.size() > POOL) {
                worst.subList(POOL, worst.size()).clear();
            }
            progress.accept(spent[0] + spent[1]);
        }
        List<Case> found = all.stream().filter(Case::disagrees).toList();
        int wrong = (int) found.stream().filter(c -> c.answer() != domain.solve(c.context(), c.question())).count();
        return new Result(spent[0], disagreements[0], spent[1], disagreements[1], found, wrong);
    }

    private List<Case> ask(AnswerModel model, List<Context> contexts, List<Question> questions, List<String> origins,
            int phase) {
        int[] targets = amplifier.amplify(domain, contexts, questions, model).answers();
        List<ModelInput> inputs = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            inputs.add(new ModelInput(contexts.get(i).facts(), questions.get(i)));
        }
        float[][] distributions = model.distributions(inputs);
        List<Case> cases = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            float[] p = distributions[i];
            int answer = 0;
            for (int token = 1; token < p.length; token++) {
                if (p[token] > p[answer]) {
                    answer = token;
                }
            }
            cases.add(new Case(contexts.get(i), questions.get(i), answer, targets[i], p[answer], p[targets[i]],
                    origins.get(i), phase + 1));
        }
        return cases;
    }

    private String key(Context context, Question question) {
        StringBuilder key = new StringBuilder();
        for (int[] fact : context.facts()) {
            key.append(Arrays.toString(fact));
        }
        return key.append('|').append(Arrays.toString(question.tokens())).toString();
    }

    private record Probe(Context context, Question question, String origin) {}

    /**
     * One query.
     *
     * @param answer X's answer (its most likely token)
     * @param target Amplify^H(X)'s answer
     * @param answerProbability X's probability of its own answer
     * @param targetProbability X's probability of the target
     * @param origin how the question was found: {@code random} or the kind of mutation
     * @param phase 1 (random) or 2 (mutation)
     */
    public record Case(Context context, Question question, int answer, int target, float answerProbability,
            float targetProbability, String origin, int phase) {

        public boolean disagrees() {
            return answer != target;
        }

        public ModelInput input() {
            return new ModelInput(context.facts(), question);
        }
    }

    /**
     * What a search found.
     *
     * @param found every query where X disagreed with Amplify^H(X), in the order found
     * @param wrong how many of those X got wrong against the ground truth (a measurement only)
     */
    public record Result(int randomQueries, int randomDisagreements, int mutationQueries, int mutationDisagreements,
            List<Case> found, int wrong) {

        public int queries() {
            return randomQueries + mutationQueries;
        }

        public int disagreements() {
            return randomDisagreements + mutationDisagreements;
        }

        /** Disagreements per 1 000 queries. */
        public double perThousand() {
            return perThousand(disagreements(), queries());
        }

        public double randomPerThousand() {
            return perThousand(randomDisagreements, randomQueries);
        }

        public double mutationPerThousand() {
            return perThousand(mutationDisagreements, mutationQueries);
        }

        static double perThousand(int count, int queries) {
            return queries == 0 ? 0 : 1000.0 * count / queries;
        }
    }
}
