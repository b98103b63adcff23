package org.athar.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.athar.security.InvalidUserException.Reason;
import org.athar.security.UserAccount.ApiToken;
import org.athar.security.UserChanged.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens for scripts ({@code Authorization: Bearer <token>}): 256 random bits, shown once, stored as
 * SHA-256, listed with when they were created and last used, revocable.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "athar_";
    static final int MAX_PER_USER = 20;
    /** "Last used" is written at most this often per token, not on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A token as listed: never the token itself. */
    public record Summary(String id, String name, Instant createdAt, Optional<Instant> lastUsedAt) {}

    /** A new token: {@code secret} is shown once and cannot be read again. */
    public record Created(Summary token, String secret) {}

    /**
     * How long a checked token is trusted without asking the engine again. Every change of an account made through
     * this instance (revoking a token, disabling the account, changing its roles) takes effect at once; a change made
     * through another instance of Athar on the same engine, within this time.
     */
    static final Duration CHECKED_FOR = Duration.ofSeconds(10);

    private final UserStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private record Checked(UserAccount account, long untilNanos) {}

    /** Tokens checked in the last {@link #CHECKED_FOR}, by hash: an API call costs no engine look-up then. */
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    /** Counts account changes, so that a look-up that raced with one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    ApiTokens(UserStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Created create(String username, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 64) {
            throw new InvalidUserException(
                    "name",
                    Reason.TOKEN_NAME,
                    "a token needs a name of 1 to 64 characters, " + "e.g. the script that uses it");
        }
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        byte[] id = new byte[8];
        random.nextBytes(id);
        ApiToken token = new ApiToken(
                HexFormat.of().formatHex(id), label, PasswordHashing.sha256(secret), clock.instant(), Optional.empty());
        store.update(
                        username,
                        a -> {
                            if (a.apiTokens().size() >= MAX_PER_USER) {
                                throw new InvalidUserException(
                                        "name",
                                        Reason.TOO_MANY_TOKENS,
                                        "you already have " + MAX_PER_USER
                                                + " tokens; revoke one you no longer use first");
                            }
                            List<ApiToken> tokens = new ArrayList<>(a.apiTokens());
                            tokens.add(token);
                            return a.withTokens(tokens);
                        },
                        true)
                .orElseThrow(() -> new NoSuchUserException(username));
        events.publishEvent(new UserChanged(username, username, Change.TOKEN_CREATED, label));
        return new Created(summary(token), secret);
    }

    public List<Summary> list(String username) {
        return store.find(username)
                .map(a -> a.apiTokens().stream().map(ApiTokens::summary).toList())
                .orElse(List.of());
    }

    /** Revokes the token at once; false when the user has no token with that id. */
    public boolean revoke(String username, String tokenId) {
        Optional<ApiToken> gone = store.find(username)
                .flatMap(a -> a.apiTokens().stream()
                        .filter(t -> t.id().equals(tokenId))
                        .findFirst());
        if (gone.isEmpty()) {
            return false;
        }
        store.update(
                username,
                a -> a.withTokens(a.apiTokens().stream()
                        .filter(t -> !t.id().equals(tokenId))
                        .toList()),
                true);
        events.publishEvent(new UserChanged(
                username, username, Change.TOKEN_REVOKED, gone.get().name()));
        return true;
    }

    /** The enabled account that holds {@code secret}, noting the use; empty for an unknown or revoked token. */
    Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = PasswordHashing.sha256(secret);
        Checked known = checked.get(hash);
        if (known != null && System.nanoTime() - known.untilNanos() < 0) {
            noteUse(known.account(), hash);
            return Optional.of(known.account());
        }
        long changesBefore = changes.get();
        Optional<UserAccount> account = store.findByTokenHash(hash).filter(UserAccount::enabled);
        if (account.isPresent() && changes.get() == changesBefore) {
            checked.put(hash, new Checked(account.get(), System.nanoTime() + CHECKED_FOR.toNanos()));
        } else {
            checked.remove(hash);
        }
        if (changes.get() != changesBefore) {
            checked.remove(hash); // an account changed while this look-up ran (also just after it was kept)
        }
        account.ifPresent(a -> noteUse(a, hash));
        return account;
    }

    /** Any account change (a token revoked, an account disabled, roles changed): check every token again. */
    @EventListener
    void accountChanged(UserChanged change) {
        changes.incrementAndGet();
        checked.clear();
    }

    private void noteUse(UserAccount account, String hash) {
        Instant now = clock.instant();
        boolean stale = account.apiTokens().stream()
                .filter(t -> t.hash().equals(hash))
                .findFirst()
                .map(t -> t.lastUsedAt()
                        .map(last -> last.plus(LAST_USED_PRECISION).isBefore(now))
                        .orElse(true))
                .orElse(false);
        if (stale) {
            checked.remove(hash); // its "last used" is about to change
            store.update(
                    account.username(),
                    a -> a.withTokens(a.apiTokens().stream()
                            .map(t -> t.hash().equals(hash)
                                    ? new ApiToken(t.id(), t.name(), t.hash(), t.createdAt(), Optional.of(now))
                                    : t)
                            .toList()),
                    false);
        }
    }

    private static Summary summary(ApiToken t) {
        return new Summary(t.id(), t.name(), t.createdAt(), t.lastUsedAt());
    }
}
