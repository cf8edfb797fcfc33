package org.amplify.models;

/**
 * A copy's answer to a question of the {@code text} domain: the answer of the nearest question it
 * remembers.
 *
 * @param similarity the cosine similarity of the two questions' embeddings, in [-1, 1]
 * @param nearestQuestion the remembered question whose answer this is
 */
public record TextAnswer(String answer, double similarity, String nearestQuestion) {}
