package org.athar.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Published when a sign-in is refused unchecked because of earlier failures for the same username from the same
 * address, next to Spring Security's own authentication failure events, for the audit log.
 */
public class AuthenticationFailureThrottledEvent extends AbstractAuthenticationFailureEvent {

    public AuthenticationFailureThrottledEvent(Authentication authentication, AuthenticationException e) {
        super(authentication, e);
    }
}
