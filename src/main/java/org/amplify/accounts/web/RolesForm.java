package org.amplify.accounts.web;

import java.util.Set;

record RolesForm(Set<String> roles, long version) {}
