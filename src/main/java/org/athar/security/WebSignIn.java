package org.athar.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

/**
 * The sign-in of the web interface, minus the Vaadin parts (which the UI's security configuration adds): the
 * password form's authentication manager, the one-time code step, the session check and the security headers.
 */
@Component
public class WebSignIn {

    /** Where a browser goes after the password when two factors are on. */
    public static final String CODE_PAGE = TwoFactorCodeFilter.PATH;
    /** Where a browser goes after the password when its role requires two factors that are not set up. */
    public static final String ENROLMENT_PAGE = "/account";

    private final SignInManagers managers;
    private final UserStore store;
    private final Clock clock;

    WebSignIn(SignInManagers managers, UserStore store, ObjectProvider<Clock> clock) {
        this.managers = managers;
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Configures the browser filter chain.
     *
     * @param afterSignIn where a complete sign-in continues (the page first asked for)
     */
    public void apply(HttpSecurity http, AuthenticationSuccessHandler afterSignIn) throws Exception {
        http.authenticationManager(managers.signInPage())
                .addFilterAfter(new SessionAccountCheck(store, clock, contexts(http)), SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .with(new TwoFactorCodeFilter.Configurer(managers.secondStep(), afterSignIn), c -> { });
        SecurityHeaders.apply(http);
    }

    /** The application context's security context holder (Vaadin's), as Spring Security's own filters use it. */
    static SecurityContextHolderStrategy contexts(HttpSecurity http) {
        return http.getSharedObject(org.springframework.context.ApplicationContext.class)
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(org.springframework.security.core.context.SecurityContextHolder::getContextHolderStrategy);
    }

    /** The page a half-way sign-in must go to next ({@link #CODE_PAGE} or {@link #ENROLMENT_PAGE}), if any. */
    public static Optional<String> nextStep(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (Authorities.has(authentication.getAuthorities(), Authorities.TWO_FACTOR_PENDING)) {
            return Optional.of(CODE_PAGE);
        }
        if (Authorities.has(authentication.getAuthorities(), Authorities.TWO_FACTOR_ENROL)) {
            return Optional.of(ENROLMENT_PAGE);
        }
        return Optional.empty();
    }
}
