package org.amplify.domains.assignments;

import java.util.List;
import org.amplify.domains.Exchange;
import org.amplify.domains.ExpertStep;
import org.amplify.domains.ProgrammaticExpert;
import org.amplify.domains.Question;
import org.amplify.domains.Vocabulary;

/**
 * H of sequential assignments: for {@code val x -} it asks {@code op1 x}; a value is the answer (x
 * is a constant), a name y gets {@code val y}, then {@code op2 x} and {@code val z}, then the table
 * entry {@code f a b}, which is the answer. A primitive question is read from the environment; a
 * malformed one, or an answer that is not what the procedure expects, gives the unknown symbol.
 */
final class AssignmentsExpert implements ProgrammaticExpert {

    private final SequentialAssignments domain;

    AssignmentsExpert(SequentialAssignments domain) {
        this.domain = domain;
    }

    @Override
    public int maxSubquestions() {
        return SequentialAssignments.MAX_SUBQUESTIONS;
    }

    @Override
    public ExpertStep next(Question question, List<Exchange> exchanges) {
        int step = exchanges.size();
        if (!domain.isValueQuestion(question)) { // primitive: read it from the environment, unless malformed
            if (!domain.isWellFormedPrimitive(question)) {
                return ExpertStep.answer(Vocabulary.UNKNOWN);
            }
            return step == 0 ? ExpertStep.ask(question) : ExpertStep.answer(exchanges.get(0).answer());
        }
        int x = question.token(1);
        int last = step == 0 ? Vocabulary.UNKNOWN : exchanges.get(step - 1).answer();
        return switch (step) {
            case 0 -> ExpertStep.ask(domain.firstOperandQuestion(x));
            case 1 -> domain.isValue(last) ? ExpertStep.answer(last) // x is a constant
                    : domain.isName(last) ? ExpertStep.ask(domain.valueQuestion(last)) : unknown();
            case 2 -> domain.isValue(last) ? ExpertStep.ask(domain.secondOperandQuestion(x)) : unknown();
            case 3 -> domain.isName(last) ? ExpertStep.ask(domain.valueQuestion(last)) : unknown();
            case 4 -> domain.isValue(last) ? ExpertStep.ask(domain.tableQuestion(exchanges.get(1).answer(), last)) : unknown();
            default -> domain.isValue(last) ? ExpertStep.answer(last) : unknown();
        };
    }

    private static ExpertStep unknown() {
        return ExpertStep.answer(Vocabulary.UNKNOWN);
    }
}
