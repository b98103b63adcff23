package org.athar.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the Admin view and {@code GET /api/v1/admin/users} show it: never a hash, a secret or a token.
 *
 * @param apiTokens how many API tokens the user holds
 */
public record UserSummary(
        String username, Set<Role> roles, boolean enabled, boolean twoFactor, Instant createdAt, int apiTokens) {}
