package org.athar.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;

/** A request signed in with HTTP Basic (an account without two factors): this request only, never a session. */
final class BasicSignIn extends HeaderSignIn {

    BasicSignIn(SignedInUser user, Collection<? extends GrantedAuthority> authorities) {
        super(user, authorities);
    }
}
