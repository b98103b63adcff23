package org.athar.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code athar.security.*}: the first administrator's password, which roles must use two factors,
 * how long an idle session lasts, how failed sign-ins are slowed down and which reverse proxies are trusted.
 *
 * @param adminPassword the password of {@code admin} on a first start with no users ({@code ATHAR_ADMIN_PASSWORD});
 *     when empty Athar generates one and prints it once
 * @param require2faRoles roles that must sign in with two factors (e.g. {@code ADMIN,ANALYST}); empty by default
 * @param sessionTimeout how long a signed-in browser session lasts without activity
 * @param throttle how failed sign-ins for one username from one address are slowed down
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-*} headers are
 *     believed; empty by default, so no client can choose the address the audit log records
 */
@ConfigurationProperties("athar.security")
public record AtharSecurityProperties(
        String adminPassword,
        @DefaultValue Set<Role> require2faRoles,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue Throttle throttle,
        @DefaultValue List<String> trustedProxies) {

    /**
     * {@code athar.security.throttle.*}: after {@code free-failures} failed sign-ins in a row for one username from
     * one address, each further attempt must wait, {@code first-delay} at first, twice as long after each further
     * failure, at most {@code max-delay}.
     *
     * @param freeFailures failed sign-ins in a row for one username from one address before attempts are slowed
     * @param firstDelay the first wait; it doubles after each further failure
     * @param maxDelay the longest wait
     */
    public record Throttle(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("5m") Duration maxDelay) {

        public Throttle {
            if (freeFailures < 1) {
                throw new IllegalArgumentException(
                        "athar.security.throttle.free-failures must be at least 1, not " + freeFailures);
            }
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("athar.security.throttle.first-delay must be positive and at most "
                        + "athar.security.throttle.max-delay (now " + firstDelay + " and " + maxDelay + ")");
            }
        }

        /** The defaults: five free failures, then 1 s, 2 s, 4 s … up to 5 minutes. */
        public static Throttle defaults() {
            return new Throttle(5, Duration.ofSeconds(1), Duration.ofMinutes(5));
        }
    }

    public AtharSecurityProperties {
        require2faRoles = require2faRoles == null ? Set.of() : Set.copyOf(require2faRoles);
        throttle = throttle == null ? Throttle.defaults() : throttle;
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    public Optional<String> adminPasswordIfSet() {
        return Optional.ofNullable(adminPassword).filter(p -> !p.isBlank());
    }

    /** True when one of {@code roles} must sign in with two factors. */
    public boolean requiresTwoFactor(Set<Role> roles) {
        return roles.stream().anyMatch(require2faRoles::contains);
    }
}
