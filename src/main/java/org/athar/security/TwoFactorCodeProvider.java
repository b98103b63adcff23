package org.athar.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Completes a sign-in with the one-time code (or a recovery code). Wrong codes count towards the lockout like wrong
 * passwords, so the six digits cannot be guessed by retrying.
 */
class TwoFactorCodeProvider implements AuthenticationProvider {

    /** After the password, the code must follow within this time. */
    static final Duration CODE_WINDOW = Duration.ofMinutes(5);

    private final UserStore store;
    private final TwoFactor twoFactor;
    private final Clock clock;

    TwoFactorCodeProvider(UserStore store, TwoFactor twoFactor, Clock clock) {
        this.store = store;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignedInUser pending = (SignedInUser) authentication.getPrincipal();
        if (pending.signedInAt().plus(CODE_WINDOW).isBefore(clock.instant())) {
            throw new CredentialsExpiredException("the code did not follow the password within 5 minutes");
        }
        try {
            UserAccount account = store.find(pending.username())
                    .orElseThrow(() -> new DisabledException("the account no longer exists"));
            if (!account.enabled()) {
                throw new DisabledException("the account is disabled");
            }
            if (account.lockedAt(clock.instant())) {
                throw new LockedException("the account is locked after repeated failures");
            }
            if (twoFactor.verify(account.username(), (String) authentication.getCredentials())
                    == TwoFactor.Accepted.NO) {
                throw new BadCredentialsException("wrong or already used code");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    new SignedInUser(account.username(), account.roles(), clock.instant()), null,
                    Authorities.of(account.roles()));
        } catch (UserStoreException e) {
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return TwoFactorCode.class.isAssignableFrom(authentication);
    }
}
