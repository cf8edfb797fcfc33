/**
 * Distillation: rounds as background jobs (snapshot, train, evaluate, register, promote) and their
 * admin pages.
 */
@ApplicationModule(displayName = "Distillation", allowedDependencies = {"accounts", "amplification", "models", "domains"})
package org.amplify.distillation;

import org.springframework.modulith.ApplicationModule;
