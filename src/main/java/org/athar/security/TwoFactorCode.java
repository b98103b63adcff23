package org.athar.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The second step of a sign-in as submitted: who passed the first step, and the code they typed. */
final class TwoFactorCode extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private transient String code;

    TwoFactorCode(SignedInUser user, String code) {
        super(List.of());
        this.user = user;
        this.code = code;
    }

    @Override
    public Object getCredentials() {
        return code;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public void eraseCredentials() {
        code = null;
    }
}
