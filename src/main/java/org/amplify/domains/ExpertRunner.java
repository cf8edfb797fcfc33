package org.amplify.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a programmatic expert on many questions in lockstep: at each step every unfinished run asks
 * its next subquestion, and all of that step's subquestions go to the answerer in one batch (so a
 * model answers them in one forward pass). Who answers (ground truth, the environment, copies of a
 * model) is the caller's choice.
 */
public final class ExpertRunner {

    private ExpertRunner() {}

    /** Answers a batch of subquestions; {@code askedBy[j]} is the index of the question that asked the j-th. */
    @FunctionalInterface
    public interface BatchAnswerer {
        int[] answer(List<Question> subquestions, int[] askedBy);
    }

    /**
     * An expert that decides for many questions at once: H' (a model predicting H) takes every
     * unfinished question's next action in one batch. It must answer once a question has
     * {@link #maxSubquestions()} exchanges.
     */
    public interface BatchExpert {

        /** The next action of each question, given its exchanges so far (in the same order). */
        List<ExpertStep> next(List<Question> questions, List<List<Exchange>> exchanges);

        int maxSubquestions();
    }

    /**
     * @param answerer answers a batch of subquestions, one answer each, in order
     * @throws IllegalStateException if H asks more than its {@link ProgrammaticExpert#maxSubquestions()}
     */
    public static List<Transcript> run(ProgrammaticExpert expert, List<Question> questions, BatchAnswerer answerer) {
        return run(new BatchExpert() {
            @Override
            public List<ExpertStep> next(List<Question> batch, List<List<Exchange>> exchanges) {
                List<ExpertStep> steps = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    steps.add(expert.next(batch.get(i), exchanges.get(i)));
                }
                return steps;
            }

            @Override
            public int maxSubquestions() {
                return expert.maxSubquestions();
            }
        }, questions, answerer);
    }

    /**
     * Runs an expert that decides in batches (see {@link BatchExpert}) in the same lockstep.
     *
     * @throws IllegalStateException if the expert asks more than its {@link BatchExpert#maxSubquestions()}
     */
    public static List<Transcript> run(BatchExpert expert, List<Question> questions, BatchAnswerer answerer) {
        int n = questions.size();
        List<List<Exchange>> exchanges = new ArrayList<>(n);
        int[] answers = new int[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            exchanges.add(new ArrayList<>());
        }
        int remaining = n;
        for (int step = 0; remaining > 0; step++) {
            if (step > expert.maxSubquestions()) {
                throw new IllegalStateException("the expert asked more than " + expert.maxSubquestions()
                        + " subquestions for one question");
            }
            List<Integer> open = new ArrayList<>(remaining);
            List<Question> openQuestions = new ArrayList<>(remaining);
            List<List<Exchange>> openExchanges = new ArrayList<>(remaining);
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    open.add(i);
                    openQuestions.add(questions.get(i));
                    openExchanges.add(exchanges.get(i));
                }
            }
            List<ExpertStep> steps = expert.next(openQuestions, openExchanges);
            List<Question> asked = new ArrayList<>();
            List<Integer> askedBy = new ArrayList<>();
            for (int o = 0; o < open.size(); o++) {
                int i = open.get(o);
                ExpertStep next = steps.get(o);
                if (next instanceof ExpertStep.Ask ask) {
                    asked.add(ask.subquestion());
                    askedBy.add(i);
                } else if (next instanceof ExpertStep.Answer answer) {
                    answers[i] = answer.answer();
                    done[i] = true;
                    remaining--;
                }
            }
            if (asked.isEmpty()) {
                continue;
            }
            int[] replies = answerer.answer(asked, askedBy.stream().mapToInt(Integer::intValue).toArray());
            for (int j = 0; j < asked.size(); j++) {
                exchanges.get(askedBy.get(j)).add(new Exchange(asked.get(j), replies[j]));
            }
        }
        List<Transcript> transcripts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            transcripts.add(new Transcript(questions.get(i), exchanges.get(i), answers[i]));
        }
        return transcripts;
    }

    /** Runs H on one question. */
    public static Transcript run(ProgrammaticExpert expert, Question question, Function<Question, Integer> answerer) {
        return run(expert, List.of(question), (batch, askedBy) -> new int[] {answerer.apply(batch.get(0))}).get(0);
    }
}
