/**
 * Distillation: rounds as background jobs (snapshot, train, evaluate, register, promote) and their
 * admin pages. It reads the experts' transcripts from {@code questions} (where they are stored) and
 * trains and registers versions through {@code models}; it uses no type of {@code amplification}.
 * Its snapshots are published to {@code datasets} as SQL views (migration V20).
 */
@ApplicationModule(displayName = "Distillation",
        allowedDependencies = {"accounts", "models", "domains", "questions"})
package org.amplify.distillation;

import org.springframework.modulith.ApplicationModule;
