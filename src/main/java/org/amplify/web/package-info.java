/**
 * Web: the layout and shared fragments, the home page, error pages and API problem details. No
 * business logic.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = "accounts")
package org.amplify.web;

import org.springframework.modulith.ApplicationModule;
