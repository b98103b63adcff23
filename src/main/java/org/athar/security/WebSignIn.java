package org.athar.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The sign-in of the web interface, minus the Vaadin parts (which the UI's security configuration adds): the
 * password form's authentication manager, its failure pages and CSRF protection, the one-time code step, the
 * session check and the security headers.
 */
@Component
public class WebSignIn {

    /** Where a browser goes after the password when two factors are on. */
    public static final String CODE_PAGE = TwoFactorCodeFilter.PATH;
    /** Where a browser goes after the password when its role requires two factors that are not set up. */
    public static final String ENROLMENT_PAGE = "/account";
    /** The sign-in page's mark for a refused password (or unknown name, or disabled account). */
    public static final String REFUSED = "error";
    /** The sign-in page's mark for an attempt refused unchecked after repeated failures from this address. */
    public static final String SLOWED_DOWN = "wait";
    /** The sign-in page's mark for a form sent without a valid CSRF token (e.g. after the session expired). */
    public static final String EXPIRED = "expired";

    private static final String LOGIN = "/login";

    private final SignInManagers managers;
    private final UserStore store;
    private final AtharSecurityProperties properties;
    private final Clock clock;
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    WebSignIn(SignInManagers managers, UserStore store, AtharSecurityProperties properties, Clock clock) {
        this.managers = managers;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Configures the browser filter chain, before Vaadin's configurer.
     *
     * @param afterSignIn where a complete sign-in continues (the page first asked for)
     */
    public void apply(HttpSecurity http, AuthenticationSuccessHandler afterSignIn) throws Exception {
        http.authenticationManager(managers.signInPage())
                .addFilterAfter(
                        new SessionAccountCheck(store, properties, clock, contexts(http)),
                        SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .with(new TwoFactorCodeFilter.Configurer(managers.secondStep(), afterSignIn), c -> {});
        SecurityHeaders.apply(http);
    }

    /**
     * Configures, after Vaadin's configurer (whose own CSRF set-up must be off), what it sets otherwise: the
     * sign-in form needs the CSRF token like every other form (Vaadin exempts its login path, which lets another
     * site sign a browser in to an account of the attacker's), and a refused form says why. Vaadin's internal
     * requests stay exempt: they carry Vaadin's own token.
     *
     * @param vaadinInternal Vaadin's matcher of its framework-internal requests
     */
    public void applyAfterVaadin(HttpSecurity http, RequestMatcher vaadinInternal) throws Exception {
        RequestMatcher formPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN);
        AccessDeniedHandler expired = (request, response, e) -> back(request, response, EXPIRED);
        // Set on the CSRF filter itself: Vaadin replaces the chain's access-denied handler after this runs.
        AccessDeniedHandler csrfRefused = new RequestMatcherDelegatingAccessDeniedHandler(
                new LinkedHashMap<>(Map.of(formPost, expired)), new AccessDeniedHandlerImpl());
        AuthenticationFailureHandler refused = (request, response, e) -> back(request, response, mark(e));
        http.formLogin(form -> form.failureHandler(refused))
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinInternal)
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setAccessDeniedHandler(csrfRefused);
                                return filter;
                            }
                        }));
    }

    private static String mark(AuthenticationException e) {
        return e instanceof SignInThrottledException ? SLOWED_DOWN : REFUSED;
    }

    private void back(HttpServletRequest request, HttpServletResponse response, String mark) throws IOException {
        redirect.sendRedirect(request, response, LOGIN + "?" + mark);
    }

    /** The application context's security context holder (Vaadin's), as Spring Security's own filters use it. */
    static SecurityContextHolderStrategy contexts(HttpSecurity http) {
        return http.getSharedObject(ApplicationContext.class)
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
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
