package org.amplify.models;

/** How a registered model came to be. */
public enum ModelKind {
    /** trained by iterated amplification in an experiment */
    IA,
    /** trained on ground truth (the supervised baseline) */
    SL,
    /** trained by a distillation round on experts' transcripts */
    ROUND,
    /** imported by an admin (trained elsewhere) */
    IMPORT,
    /** a language model behind an OpenAI-compatible chat-completions endpoint: no file, only settings */
    ENDPOINT
}
