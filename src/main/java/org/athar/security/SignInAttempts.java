package org.athar.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.athar.security.UserChanged.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (passwords and one-time codes) per account from Spring Security's authentication events
 * and locks the account after {@code athar.security.lockout.max-failures} in a row. A failure for a username that
 * does not exist changes nothing, so the answer never tells whether it exists.
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final UserStore store;
    private final AtharSecurityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInAttempts(UserStore store, AtharSecurityProperties properties, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        var attempt = event.getAuthentication();
        if (attempt instanceof UsernamePasswordAuthenticationToken || attempt instanceof TwoFactorCode) {
            String username = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
            try {
                recordFailure(username);
            } catch (UserStoreException e) {
                log.warn("Could not count a failed sign-in: {}", e.getMessage());
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // Only a complete sign-in clears the count: passing the password step alone must not, or the one-time
        // code could be guessed by signing in again after every few tries. Nor may an API token, which proves
        // nothing about the password (and costs no account read on every API call this way).
        if (event.getAuthentication() instanceof ApiTokenSignIn) {
            return;
        }
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user
                && Authorities.has(event.getAuthentication().getAuthorities(), Authorities.SIGNED_IN)) {
            try {
                store.find(user.username()).filter(a -> a.failedSignIns() > 0)
                        .ifPresent(a -> store.update(a.username(), x -> x.withFailures(0, x.lockedUntil()), false));
            } catch (UserStoreException e) {
                log.warn("Could not reset the failed sign-in count of {}: {}", user.username(), e.getMessage());
            }
        }
    }

    void recordFailure(String username) {
        Instant now = clock.instant();
        boolean[] lockedNow = {false};
        store.update(username, a -> {
            if (a.lockedAt(now)) {
                return a;
            }
            int failures = a.failedSignIns() + 1;
            lockedNow[0] = failures >= properties.lockout().maxFailures();
            return lockedNow[0] ? a.withFailures(0, Optional.of(now.plus(properties.lockout().duration())))
                    : a.withFailures(failures, Optional.empty());
        }, false);
        if (lockedNow[0]) {
            log.info("Account {} locked for {} after {} failed sign-ins", username, properties.lockout().duration(),
                    properties.lockout().maxFailures());
            events.publishEvent(new UserChanged("system", username, Change.LOCKED_OUT,
                    "for " + properties.lockout().duration()));
        }
    }
}
