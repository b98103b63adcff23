package org.athar.security;

import org.springframework.security.core.AuthenticationException;

/** The password was right, but the account uses two factors, which HTTP Basic cannot carry. */
class TwoFactorRequiredException extends AuthenticationException {

    static final String MESSAGE = "this account signs in with two factors, which HTTP Basic cannot carry: create an "
            + "API token under Account and send it as 'Authorization: Bearer <token>'";

    TwoFactorRequiredException() {
        super(MESSAGE);
    }
}
