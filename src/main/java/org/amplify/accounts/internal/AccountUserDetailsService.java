package org.amplify.accounts.internal;

import org.amplify.accounts.AccountPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for form login; disabled users are refused by Spring Security itself. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public AccountPrincipal loadUserByUsername(String username) {
        return users.findByUsernameIgnoringCase(username)
                .map(user -> new AccountPrincipal(user.toAccount(), user.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
