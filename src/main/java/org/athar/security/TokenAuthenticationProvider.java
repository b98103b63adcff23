package org.athar.security;

import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;

/**
 * Checks an API token against the stored SHA-256 hashes. A token of a disabled account is refused, and so is one of
 * an account whose role requires two factors that are not on (it was obtained with a password alone).
 */
class TokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final AtharSecurityProperties properties;
    private final Clock clock;

    TokenAuthenticationProvider(ApiTokens tokens, AtharSecurityProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = (String) authentication.getCredentials();
        UserAccount account;
        try {
            account = tokens.authenticate(secret)
                    .orElseThrow(() -> new BadCredentialsException("unknown or revoked API token"));
        } catch (UserStoreException e) {
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
        if (!account.twoFactorOn() && properties.requiresTwoFactor(account.roles())) {
            throw new TwoFactorNotSetUpException();
        }
        return new ApiTokenSignIn(
                new SignedInUser(account.username(), account.roles(), clock.instant()),
                Authorities.of(account.roles()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }
}
