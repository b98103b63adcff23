package org.athar.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but the account has two factors on, or its role requires them: HTTP Basic cannot carry
 * a second factor. The API answers exactly as to a wrong password (the audit log keeps the difference).
 */
class TwoFactorRequiredException extends AuthenticationException {

    private final boolean twoFactorOn;

    TwoFactorRequiredException(boolean twoFactorOn) {
        super("HTTP Basic is refused to an account that signs in with two factors");
        this.twoFactorOn = twoFactorOn;
    }

    /** True when the account has two factors on; false when its role requires them but they are not set up. */
    boolean twoFactorOn() {
        return twoFactorOn;
    }
}
