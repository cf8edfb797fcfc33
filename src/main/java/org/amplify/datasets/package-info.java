/**
 * Datasets: researchers' read-only REST export of snapshots, transcripts and feedback. Nothing
 * depends on this module.
 */
@ApplicationModule(displayName = "Datasets", allowedDependencies = {"accounts", "distillation", "questions"})
package org.amplify.datasets;

import org.springframework.modulith.ApplicationModule;
