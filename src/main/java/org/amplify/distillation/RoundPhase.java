package org.amplify.distillation;

/** The phases of a round, in order. */
public enum RoundPhase {
    QUEUED, SNAPSHOT, TRAIN, EVALUATE, REGISTER, PROMOTE, DONE
}
