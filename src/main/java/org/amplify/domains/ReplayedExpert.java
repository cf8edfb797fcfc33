package org.amplify.domains;

import java.util.List;





/**
 * Runs H written as a plain procedure as a step function: the procedure is replayed from the start
 * on the exchanges so far; each {@link #ask} returns the recorded answer, and the first question not
 * yet asked ends the replay as the next step. H stays a pure function of the question and the answers.
 */
public final class ReplayedExpert {

    /** H as a procedure: returns the final answer, asking subquestions through the replay. */
    @FunctionalInterface
    public interface Procedure {
        int answer(Question question, ReplayedExpert replay);
    }

    private static final class Pending extends RuntimeException {
        private final transient Question question;

        Pending(Question question) {
            super(null, null, false, false);
            this.question = question;
        }
    }

    private static final class Diverged extends RuntimeException {
        Diverged() {
            super(null, null, false, false);
        }
    }

    private final List<Exchange> exchanges;
    private int next;

    private ReplayedExpert(List<Exchange> exchanges) {
        this.exchanges = exchanges;
    }

    /**
     * H as the procedure replayed at every step: each call of {@link ProgrammaticExpert#next} reruns it on
     * the exchanges so far.
     *
     * @param maxSubquestions the most subquestions the procedure asks for one question
     */
    public static ProgrammaticExpert expert(Procedure procedure, int maxSubquestions) {
        return new ProgrammaticExpert() {
            @Override
            public ExpertStep next(Question question, List<Exchange> exchanges) {
                return step(procedure, question, exchanges);
            }

            @Override
            public int maxSubquestions() {
                return maxSubquestions;
            }
        };
    }

    /** The next step of the procedure; {@link Vocabulary#UNKNOWN} if the exchanges are not its own. */
    public static ExpertStep step(Procedure procedure, Question question, List<Exchange> exchanges) {
        ReplayedExpert replay = new ReplayedExpert(exchanges);
        try {
            int answer = procedure.answer(question, replay);
            return ExpertStep.answer(replay.next == exchanges.size() ? answer : Vocabulary.UNKNOWN);
        } catch (Pending pending) {
            return ExpertStep.ask(pending.question);
        } catch (Diverged diverged) {
            return ExpertStep.answer(Vocabulary.UNKNOWN);
        }
    }

    /** The answer to a subquestion, asking it if it has not been asked yet. */
    public int ask(Question subquestion) {
        if (next == exchanges.size()) {
            throw new Pending(subquestion);
        }
        Exchange exchange = exchanges.get(next++);
        if (!exchange.subquestion().equals(subquestion)) {
            throw new Diverged();
        }
        return exchange.answer();
    }
}
