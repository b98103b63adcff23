package org.athar.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API token as sent, before it is checked. Its name is "api-token", never the token, so events cannot leak it. */
final class BearerToken extends AbstractAuthenticationToken {

    private transient String secret;

    BearerToken(String secret) {
        super(List.of());
        this.secret = secret;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return "api-token";
    }

    @Override
    public void eraseCredentials() {
        secret = null;
    }
}
