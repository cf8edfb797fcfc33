/**
 * Questions: trees, questions, contexts, workspaces, answers and feedback; the expert pages.
 */
@ApplicationModule(displayName = "Questions", allowedDependencies = {"accounts", "domains"})
package org.amplify.questions;

import org.springframework.modulith.ApplicationModule;
