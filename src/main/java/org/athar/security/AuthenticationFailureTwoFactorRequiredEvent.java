package org.athar.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Published when HTTP Basic is refused because the account uses two factors (the password itself was right), next
 * to Spring Security's own authentication failure events, for the audit log.
 */
public class AuthenticationFailureTwoFactorRequiredEvent extends AbstractAuthenticationFailureEvent {

    public AuthenticationFailureTwoFactorRequiredEvent(Authentication authentication, AuthenticationException e) {
        super(authentication, e);
    }
}
