package org.amplify.accounts.internal;

import org.springframework.security.core.AuthenticationException;

/** A bearer token was presented but is unknown, revoked, or belongs to a disabled user. */
class InvalidApiTokenException extends AuthenticationException {

    InvalidApiTokenException() {
        super("The API token is not valid: it is unknown, was revoked, or its user is disabled");
    }
}
