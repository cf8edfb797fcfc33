/**
 * Experiments: unattended IDA on the algorithmic domains against a supervised baseline; curves and
 * reports. Nothing depends on this module.
 */
@ApplicationModule(displayName = "Experiments", allowedDependencies = {"accounts", "amplification", "models", "domains"})
package org.amplify.experiments;

import org.springframework.modulith.ApplicationModule;
