package org.athar.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed in with an API token. Kept apart from a password sign-in because a token proves nothing about the
 * password: its use must not clear the count of failed password sign-ins of its owner.
 */
final class ApiTokenSignIn extends HeaderSignIn {

    ApiTokenSignIn(SignedInUser user, Collection<? extends GrantedAuthority> authorities) {
        super(user, authorities);
    }
}
