package org.athar.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins in a row for this username from this address: the attempt was refused without looking
 * at the password or code. Says nothing about whether the name exists or the password was right.
 */
class SignInThrottledException extends AuthenticationException {

    private final transient Duration wait;

    SignInThrottledException(Duration wait) {
        super("too many failed sign-ins for this username from this address; wait " + seconds(wait) + " s");
        this.wait = wait;
    }

    /** Whole seconds to wait, at least one. */
    long retryAfterSeconds() {
        return seconds(wait);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
