package org.athar.security;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code athar.security.*}: the first administrator's password, which roles must use two factors,
 * how long an idle session lasts and when repeated failures lock an account.
 *
 * @param adminPassword the password of {@code admin} on a first start with no users ({@code ATHAR_ADMIN_PASSWORD});
 *     when empty Athar generates one and prints it once
 * @param require2faRoles roles that must sign in with two factors (e.g. {@code ADMIN,ANALYST}); empty by default
 * @param sessionTimeout how long a signed-in browser session lasts without activity
 * @param lockout when failed sign-ins lock an account
 */
@ConfigurationProperties("athar.security")
public record AtharSecurityProperties(
        String adminPassword,
        @DefaultValue Set<Role> require2faRoles,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue Lockout lockout) {

    /** {@code athar.security.lockout.*}: {@code max-failures} in a row lock the account for {@code duration}. */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {

        public Lockout {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("athar.security.lockout.max-failures must be at least 1, not "
                        + maxFailures);
            }
        }
    }

    public AtharSecurityProperties {
        require2faRoles = require2faRoles == null ? Set.of() : Set.copyOf(require2faRoles);
    }

    public Optional<String> adminPasswordIfSet() {
        return Optional.ofNullable(adminPassword).filter(p -> !p.isBlank());
    }

    /** True when one of {@code roles} must sign in with two factors. */
    public boolean requiresTwoFactor(Set<Role> roles) {
        return roles.stream().anyMatch(require2faRoles::contains);
    }
}
