package org.athar.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user account as stored in {@code athar-users} (document id = username). Holds hashes only: bcrypt for the
 * password, SHA-256 for recovery codes and API tokens. Accounts are never locked: failed sign-ins are slowed down
 * per name and address in memory ({@link SignInThrottle}); the lockout fields older versions stored are ignored
 * when read and dropped at the account's next change.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonIgnoreProperties({"failed_sign_ins", "locked_until"})
record UserAccount(
        String username,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        Instant passwordChangedAt,
        Optional<Instant> sessionsValidAfter,
        Optional<String> totpSecret,
        long totpLastStep,
        List<String> recoveryCodes,
        List<ApiToken> apiTokens) {

    UserAccount {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        sessionsValidAfter = sessionsValidAfter == null ? Optional.empty() : sessionsValidAfter;
        totpSecret = totpSecret == null ? Optional.empty() : totpSecret;
        recoveryCodes = recoveryCodes == null ? List.of() : List.copyOf(recoveryCodes);
        apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
    }

    /** One API token: its SHA-256, never the token. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ApiToken(String id, String name, String hash, Instant createdAt, Optional<Instant> lastUsedAt) {

        ApiToken {
            lastUsedAt = lastUsedAt == null ? Optional.empty() : lastUsedAt;
        }
    }

    static UserAccount create(String username, String passwordHash, Set<Role> roles, Instant now) {
        return new UserAccount(
                username,
                passwordHash,
                roles,
                true,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                0,
                List.of(),
                List.of());
    }

    boolean twoFactorOn() {
        return totpSecret.isPresent();
    }

    boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }

    UserAccount withPassword(String hash, Instant now, boolean endSessions) {
        return new UserAccount(
                username,
                hash,
                roles,
                enabled,
                createdAt,
                now,
                endSessions ? Optional.of(now) : sessionsValidAfter,
                totpSecret,
                totpLastStep,
                recoveryCodes,
                apiTokens);
    }

    UserAccount withRoles(Set<Role> next) {
        return new UserAccount(
                username,
                passwordHash,
                next,
                enabled,
                createdAt,
                passwordChangedAt,
                sessionsValidAfter,
                totpSecret,
                totpLastStep,
                recoveryCodes,
                apiTokens);
    }

    UserAccount withEnabled(boolean next, Instant now) {
        // Disabling ends every open session at once.
        return new UserAccount(
                username,
                passwordHash,
                roles,
                next,
                createdAt,
                passwordChangedAt,
                next ? sessionsValidAfter : Optional.of(now),
                totpSecret,
                totpLastStep,
                recoveryCodes,
                apiTokens);
    }

    UserAccount withTwoFactor(
            Optional<String> secret, long lastStep, List<String> recoveryHashes, Optional<Instant> endSessions) {
        return new UserAccount(
                username,
                passwordHash,
                roles,
                enabled,
                createdAt,
                passwordChangedAt,
                endSessions.isPresent() ? endSessions : sessionsValidAfter,
                secret,
                lastStep,
                recoveryHashes,
                apiTokens);
    }

    UserAccount withTokens(List<ApiToken> tokens) {
        return new UserAccount(
                username,
                passwordHash,
                roles,
                enabled,
                createdAt,
                passwordChangedAt,
                sessionsValidAfter,
                totpSecret,
                totpLastStep,
                recoveryCodes,
                tokens);
    }

    /** What an administrator or the API may see: no hash, no secret. */
    UserSummary summary(Instant now) {
        return new UserSummary(username, roles, enabled, twoFactorOn(), createdAt, apiTokens.size());
    }
}
