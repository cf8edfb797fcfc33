/**
 * Models: the model registry (versions, artifacts with checksums), DJL model definitions,
 * training, inference, copies and their votes.
 */
@ApplicationModule(displayName = "Models", allowedDependencies = {"accounts", "domains"})
package org.amplify.models;

import org.springframework.modulith.ApplicationModule;
