package org.amplify.questions;

import java.util.List;
import org.amplify.questions.internal.CopiesStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The copies' port: all that amplification reads from and writes to the questions module to answer
 * asked subquestions. One read for a batch of subquestions, one write of their answers; in the usual
 * case (the answers trusted) that is one SQL statement each.
 */
@Service
public class CopiesPort {

    private final CopiesStore store;
    private final QuestionFlow flow;
    private final QuestionsProperties properties;

    CopiesPort(CopiesStore store, QuestionFlow flow, QuestionsProperties properties) {
        this.store = store;
        this.flow = flow;
        this.properties = properties;
    }

    /**
     * The subquestions of {@code ids} still to answer (one already answered by the copies' side is
     * left out, so a republished event changes nothing twice), in the order of {@code ids}, each with
     * what an identical subquestion got before and its tree's system prompt (or the default one).
     *
     * @param championId the model version whose trusted copies' answers are remembered; null when
     *     none is promoted (only people's answers are)
     */
    @Transactional(readOnly = true)
    public List<SubquestionToAnswer> forCopies(List<Long> ids, Long championId) {
        return ids.isEmpty() ? List.of() : store.toAnswer(ids, championId, properties.defaultSystemPrompt());
    }

    /**
     * Records the answers together. An answer that is not trusted, or none at all, puts its
     * subquestion in the people's queue as a question of its own, when the tree's budgets allow.
     */
    @Transactional
    public void record(List<? extends CopyAnswer> answers) {
        if (!answers.isEmpty()) {
            flow.recordAnswers(List.copyOf(answers));
        }
    }
}
