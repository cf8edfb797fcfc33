package org.amplify.domains;

import java.util.List;

/**
 * H of an algorithmic domain, as a step function. Given a question and the exchanges so far, it
 * returns the next subquestion to ask or the final answer. It never reads the context: it learns
 * about it only through the answers to its subquestions (primitive ones are answered by the
 * environment, the others by copies of the model, or by ground truth in tests). So the same H can
 * be driven by a model, by the ground-truth solver, or by a person's workspace.
 *
 * <p>It adapts to the answers: a later subquestion may depend on an earlier answer. Every
 * subquestion it asks about a non-primitive question is strictly smaller by the domain's measure
 * ({@link AlgorithmicDomain#measure}), or primitive.
 */
@FunctionalInterface
public interface ProgrammaticExpert {

    ExpertStep next(Question question, List<Exchange> exchanges);

    /**
     * The most subquestions H asks for one question (for fixed-size transcripts and loop guards).
     */
    default int maxSubquestions() {
        return 16;
    }
}
