package org.athar.security;

import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;

/** Checks an API token against the stored SHA-256 hashes; a token of a disabled account is refused. */
class TokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenAuthenticationProvider(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
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
        return new ApiTokenSignIn(new SignedInUser(account.username(), account.roles(), clock.instant()),
                Authorities.of(account.roles()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }
}
