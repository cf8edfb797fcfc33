/**
 * Accounts: users, their roles (EXPERT, ADMIN, RESEARCHER), form login, API tokens, and the web
 * security of the whole application. Every other module may use this one; it uses none.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = {})
package org.amplify.accounts;

import org.springframework.modulith.ApplicationModule;
