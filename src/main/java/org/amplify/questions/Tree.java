package org.amplify.questions;

import java.time.Instant;

/**
 * A tree of questions: a root question in a domain and its context, with its budgets.
 *
 * @param context the whole context: a document for {@code text}, the facts one a line otherwise
 * @param contextSize the task size N of a generated algorithmic context (null for {@code text})
 * @param contextSeed the seed it was generated from (null for {@code text} and pasted contexts)
 * @param contextFacts a pasted algorithmic context's facts in token notation, one a line (else null)
 * @param systemPrompt the system prompt its owner set for the endpoint copies ({@code text}), or null
 *     for the default one
 */
public record Tree(long id, String domain, String title, long ownerId, String ownerName, String context,
        Integer contextSize, Long contextSeed, String contextFacts, int modelCallBudget, int workspaceBudget, int depthLimit,
        int expertsPerQuestion, Instant createdAt, TreeStats stats, String systemPrompt) {

    public Tree(long id, String domain, String title, long ownerId, String ownerName, String context,
            Integer contextSize, Long contextSeed, String contextFacts, int modelCallBudget, int workspaceBudget,
            int depthLimit, int expertsPerQuestion, Instant createdAt, TreeStats stats) {
        this(id, domain, title, ownerId, ownerName, context, contextSize, contextSeed, contextFacts, modelCallBudget,
                workspaceBudget, depthLimit, expertsPerQuestion, createdAt, stats, null);
    }

    /**
     * What the list of trees shows: how many workspaces, how many open, and the calls spent.
     *
     * @param tokens the tokens the endpoint copies' calls used
     */
    public record TreeStats(int workspaces, int openWorkspaces, int modelCalls, String rootAnswer, long tokens) {

        public TreeStats(int workspaces, int openWorkspaces, int modelCalls, String rootAnswer) {
            this(workspaces, openWorkspaces, modelCalls, rootAnswer, 0);
        }

        public String status() {
            return rootAnswer != null ? "answered" : openWorkspaces > 0 ? "open" : "waiting";
        }
    }
}
