package org.amplify.domains;

/** What a programmatic expert does next: ask one more subquestion, or give the final answer. */
public sealed interface ExpertStep {

    record Ask(Question subquestion) implements ExpertStep {}

    record Answer(int answer) implements ExpertStep {}

    static ExpertStep ask(Question subquestion) {
        return new Ask(subquestion);
    }

    static ExpertStep answer(int answer) {
        return new Answer(answer);
    }
}
