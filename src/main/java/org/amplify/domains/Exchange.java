package org.amplify.domains;

/** One subquestion that H asked and the answer it got back (from the environment or a model). */
public record Exchange(Question subquestion, int answer) {}
