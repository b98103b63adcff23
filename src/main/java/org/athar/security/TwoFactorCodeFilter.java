package org.athar.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code POST /login/code}: the second step of a sign-in. Like the password form it goes through Spring Security,
 * so a success gets a new session id and CSRF token and is saved in the session, and both outcomes are published
 * as authentication events. A wrong code, or one slowed down after repeated failures, returns to the code page; a
 * disabled account or an expired step goes back to the sign-in page.
 */
final class TwoFactorCodeFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/login/code";

    private SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    TwoFactorCodeFilter(AuthenticationManager manager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH), manager);
        setAuthenticationFailureHandler((request, response, e) -> {
            // A wrong code, or too many of them from here: back to the code page, the password step still stands.
            if (e instanceof BadCredentialsException || e instanceof SignInThrottledException) {
                new SimpleUrlAuthenticationFailureHandler(PATH + "?error")
                        .onAuthenticationFailure(request, response, e);
                return;
            }
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request, response, e);
        });
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = contexts.getContext().getAuthentication();
        if (current == null
                || !(current.getPrincipal() instanceof SignedInUser user)
                || !Authorities.has(current.getAuthorities(), Authorities.TWO_FACTOR_PENDING)) {
            throw new InsufficientAuthenticationException("sign in with your password first");
        }
        return getAuthenticationManager().authenticate(new TwoFactorCode(user, request.getParameter("code")));
    }

    @Override
    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        super.setSecurityContextHolderStrategy(strategy);
        this.contexts = strategy;
    }

    /** Adds the filter with the session strategy and context repository the password form uses. */
    static final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

        private final AuthenticationManager manager;
        private final AuthenticationSuccessHandler success;

        Configurer(AuthenticationManager manager, AuthenticationSuccessHandler success) {
            this.manager = manager;
            this.success = success;
        }

        @Override
        public void configure(HttpSecurity http) {
            TwoFactorCodeFilter filter = new TwoFactorCodeFilter(manager);
            filter.setAuthenticationSuccessHandler(success);
            filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
            SessionAuthenticationStrategy session = http.getSharedObject(SessionAuthenticationStrategy.class);
            if (session != null) {
                filter.setSessionAuthenticationStrategy(session);
            }
            SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
            if (contexts != null) {
                filter.setSecurityContextRepository(contexts);
            }
            http.addFilterAfter(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
        }
    }
}
