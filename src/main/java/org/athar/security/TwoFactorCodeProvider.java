package org.athar.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Completes a sign-in with the one-time code (or a recovery code). Wrong codes are slowed down like wrong passwords
 * (same {@link SignInThrottle} count for the name and address), so the six digits cannot be guessed by retrying.
 */
class TwoFactorCodeProvider implements AuthenticationProvider {

    /** After the password, the code must follow within this time. */
    static final Duration CODE_WINDOW = Duration.ofMinutes(5);

    private final UserStore store;
    private final TwoFactor twoFactor;
    private final SignInThrottle throttle;
    private final Clock clock;

    TwoFactorCodeProvider(UserStore store, TwoFactor twoFactor, SignInThrottle throttle, Clock clock) {
        this.store = store;
        this.twoFactor = twoFactor;
        this.throttle = throttle;
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
            String address = ClientAddress.current();
            var wait = throttle.waitFor(account.username(), address);
            if (wait.isPresent()) {
                throw new SignInThrottledException(wait.get());
            }
            if (twoFactor.verify(account.username(), (String) authentication.getCredentials())
                    == TwoFactor.Accepted.NO) {
                throttle.failed(account.username(), address);
                throw new BadCredentialsException("wrong or already used code");
            }
            throttle.succeeded(account.username(), address);
            return UsernamePasswordAuthenticationToken.authenticated(
                    new SignedInUser(account.username(), account.roles(), clock.instant()),
                    null,
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
