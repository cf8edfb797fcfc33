package org.amplify.experiments.internal;

import java.util.SplittableRandom;

/**
 * A faulty H, to measure how iterated amplification degrades when the expert errs (as the
 * {@code rmoehn/farlamp} report on overseer failures does): with probability {@code p} each final
 * answer H combined is replaced by a wrong one, another answer of the same step where there is one
 * (so a wrong answer of the right kind, e.g. a name for a name), else any other token. It has its own
 * random source, so a run with {@code p = 0} is the run without it.
 */
final class FaultyExpert {

    private final double p;
    private final SplittableRandom random;

    FaultyExpert(double p, long seed) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("an error rate is a probability: " + p);
        }
        this.p = p;
        this.random = new SplittableRandom(seed ^ 0xFA17_0E5FL);
    }

    /**
     * Makes some of the answers wrong, in place.
     *
     * @param vocabulary the domain's token count, for a wrong answer when the step has no other answer
     * @return how many answers it made wrong
     */
    int corrupt(int[] answers, int vocabulary) {
        if (p == 0) {
            return 0;
        }
        int wrong = 0;
        for (int i = 0; i < answers.length; i++) {
            if (random.nextDouble() < p) {
                answers[i] = wrongAnswer(answers, i, vocabulary);
                wrong++;
            }
        }
        return wrong;
    }

    private int wrongAnswer(int[] answers, int index, int vocabulary) {
        int right = answers[index];
        int others = 0;
        for (int answer : answers) {
            others += answer != right ? 1 : 0;
        }
        if (others > 0) {
            int pick = random.nextInt(others);
            for (int answer : answers) {
                if (answer != right && pick-- == 0) {
                    return answer;
                }
            }
        }
        int token = 1 + random.nextInt(vocabulary - 2); // never 0 (the unknown symbol), never the right one
        return token >= right ? token + 1 : token;
    }
}
