package org.athar.security;

import org.springframework.security.core.AuthenticationException;

/**
 * An API token of an account whose role requires two factors that are not set up: the token was created, or kept,
 * with a password alone, so it waits until its owner sets two factors up.
 */
class TwoFactorNotSetUpException extends AuthenticationException {

    static final String MESSAGE = "this account's role requires two-step sign-in, which it has not set up: sign in on "
            + "the web page and set it up under Account; its API tokens work again after that";

    TwoFactorNotSetUpException() {
        super(MESSAGE);
    }
}
