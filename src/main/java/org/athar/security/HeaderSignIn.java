package org.athar.security;

import java.util.Collection;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed in by a credential in its own {@code Authorization} header (an API token or HTTP Basic), never
 * by the browser's session cookie. Only such a request may change data without a CSRF token: a browser sends a
 * cookie by itself, but never a header a page did not set.
 */
abstract class HeaderSignIn extends UsernamePasswordAuthenticationToken {

    HeaderSignIn(SignedInUser user, Collection<? extends GrantedAuthority> authorities) {
        super(user, null, authorities);
    }
}
