package org.athar.security;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who a request or browser session belongs to: the principal of every Athar authentication (never a hash or a
 * secret), so it can sit in the HTTP session.
 *
 * @param signedInAt when the password (or token) was accepted; sessions older than an administrator's reset end
 */
public record SignedInUser(String username, Set<Role> roles, Instant signedInAt) implements Principal, Serializable {

    public SignedInUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    @Override
    public String getName() {
        return username;
    }
}
