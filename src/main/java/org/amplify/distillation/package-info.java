/**
 * Distillation: rounds as background jobs (snapshot, train, evaluate, register, promote) and their
 * admin pages. It reads the experts' transcripts from {@code questions} (where they are stored), which
 * DESIGN.md's arrows reach only through {@code amplification}; the dependency is declared here rather
 * than mirrored through a pass-through facade.
 */
@ApplicationModule(displayName = "Distillation",
        allowedDependencies = {"accounts", "amplification", "models", "domains", "questions"})
package org.amplify.distillation;

import org.springframework.modulith.ApplicationModule;
