package org.athar.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session in step with its account: at most every {@link #INTERVAL} it re-reads the account, ends
 * the session when the account was disabled, deleted or had its password reset by an administrator, and applies
 * changed roles; a role that now requires two factors the account has not set up leaves the session only the
 * enrolment, as a fresh sign-in would. It runs before any other sign-in, so the authentication it sees came from the session. Not a
 * bean: as a bean Spring Boot would also register it outside the security filter chains.
 */
class SessionAccountCheck extends OncePerRequestFilter {

    static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final String CHECKED_AT = SessionAccountCheck.class.getName() + ".checkedAt";
    private static final Logger log = LoggerFactory.getLogger(SessionAccountCheck.class);

    private final UserStore store;
    private final AtharSecurityProperties properties;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    private final SecurityContextHolderStrategy contexts;

    SessionAccountCheck(
            UserStore store, AtharSecurityProperties properties, Clock clock, SecurityContextHolderStrategy contexts) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = contexts.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            Instant now = clock.instant();
            Object checkedAt = session.getAttribute(CHECKED_AT);
            if (!(checkedAt instanceof Instant last) || last.plus(INTERVAL).isBefore(now)) {
                check(request, response, session, auth, user, now);
            }
        }
        chain.doFilter(request, response);
    }

    private void check(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Authentication auth,
            SignedInUser user,
            Instant now) {
        Optional<UserAccount> account;
        try {
            account = store.find(user.username());
        } catch (UserStoreException e) {
            // The engine is down: nobody can change accounts either, so the session stays as it is.
            log.debug("Could not re-check the session of {}: {}", user.username(), e.getMessage());
            return;
        }
        boolean ended = account.isEmpty()
                || !account.get().enabled()
                || account.get()
                        .sessionsValidAfter()
                        .filter(after -> after.isAfter(user.signedInAt()))
                        .isPresent();
        if (ended) {
            log.info("Ending the session of {}: the account was disabled, removed or reset", user.username());
            contexts.clearContext();
            session.invalidate();
            return;
        }
        session.setAttribute(CHECKED_AT, now);
        List<GrantedAuthority> due = AccountAuthenticationProvider.afterSecondFactor(account.get(), properties);
        if (Authorities.has(auth.getAuthorities(), Authorities.SIGNED_IN)
                && (!account.get().roles().equals(user.roles()) || !Authorities.has(due, Authorities.SIGNED_IN))) {
            SignedInUser updated =
                    new SignedInUser(user.username(), account.get().roles(), user.signedInAt());
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, due));
            contexts.setContext(context);
            sessions.saveContext(context, request, response);
        }
    }
}
