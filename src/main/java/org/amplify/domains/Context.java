package org.amplify.domains;

/**
 * The facts a tree of questions is about (a permutation, a graph, a list of assignments). Stored
 * once, shared by every question asked about it. The model sees the facts as token tuples, one
 * vector a fact; a domain keeps whatever else it needs to answer fast.
 */
public interface Context {

    /** The task size N the context was generated at. */
    int size();

    /** The facts as token tuples of the domain's vocabulary, all of {@link AlgorithmicDomain#factLength()}. */
    int[][] facts();
}
