package org.athar.security;

import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.stereotype.Component;

/**
 * The three ways in, each its own authentication manager that publishes Spring Security's authentication events
 * (success, bad credentials, slowed down, disabled, two factors required) for the audit log.
 */
@Component
class SignInManagers {

    private final AuthenticationManager signInPage;
    private final AuthenticationManager api;
    private final AuthenticationManager secondStep;

    SignInManagers(
            UserStore store,
            PasswordHashing hashing,
            AtharSecurityProperties properties,
            ApiTokens tokens,
            TwoFactor twoFactor,
            SignInThrottle throttle,
            AuthenticationEventPublisher publisher,
            Clock clock) {
        this.signInPage = manager(
                publisher,
                new AccountAuthenticationProvider(
                        store,
                        hashing,
                        properties,
                        throttle,
                        clock,
                        AccountAuthenticationProvider.Channel.SIGN_IN_PAGE));
        this.api = manager(
                publisher,
                new AccountAuthenticationProvider(
                        store, hashing, properties, throttle, clock, AccountAuthenticationProvider.Channel.HTTP_BASIC),
                new TokenAuthenticationProvider(tokens, properties, clock));
        this.secondStep = manager(publisher, new TwoFactorCodeProvider(store, twoFactor, throttle, clock));
        // Made now, at start-up, so that the first unknown name costs one bcrypt comparison like every other.
        hashing.dummyHash();
    }

    private static AuthenticationManager manager(
            AuthenticationEventPublisher publisher, AuthenticationProvider... providers) {
        ProviderManager manager = new ProviderManager(List.of(providers));
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    /** Username and password from the sign-in page: may hand out only the next step (code or enrolment). */
    AuthenticationManager signInPage() {
        return signInPage;
    }

    /** HTTP Basic (refused for accounts that have or need two factors) and Bearer API tokens. */
    AuthenticationManager api() {
        return api;
    }

    /** The one-time or recovery code after the password. */
    AuthenticationManager secondStep() {
        return secondStep;
    }
}
