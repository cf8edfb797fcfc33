package org.amplify.amplification;

import java.util.List;
import org.amplify.models.ModelVersion;
import org.amplify.questions.CopyAnswer;
import org.amplify.questions.SubquestionToAnswer;

/**
 * Where the cascade hands the {@code text} subquestions its small model is not trusted on: the copies
 * of a language model behind an endpoint (k samples each), which answer them or give them to people
 * with a note, and record each answer themselves (through the copies' port) as it comes.
 */
interface EndpointAnswering {

    /** Returns when every answer is recorded; the answers recorded. */
    List<CopyAnswer> answer(ModelVersion endpoint, List<SubquestionToAnswer> subquestions);
}
