package org.athar.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.athar.security.AtharSecurityProperties.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing without locking anyone out. Failed sign-ins (passwords on the page and over HTTP Basic,
 * one-time codes) are counted per typed username <em>and</em> client address; after
 * {@code athar.security.throttle.free-failures} in a row, the next attempt from that address for that name is
 * refused unchecked until a delay has passed, which doubles with each further failure up to
 * {@code max-delay}. The owner, signing in from another address, is never slowed by someone else's guesses.
 * Names that do not exist are counted the same way, so being slowed tells nothing about a name.
 *
 * <p>A small own implementation rather than Bucket4j: a token bucket refills at a fixed rate, whereas this needs a
 * delay that grows with consecutive failures and is forgotten at the first success; Bucket4j would still need the
 * bounded per-key map kept here. Counts live in memory: they start from zero when Athar restarts, and each Athar
 * instance on a shared engine counts its own.
 */
@Component
class SignInThrottle {

    /** A name and address with no failure for this long start again with the free failures. */
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    /** Keys kept before the ones that slow nobody down are dropped (about 200 bytes each). */
    static final int MAX_KEYS = 100_000;
    /** Usernames are at most 64 characters; longer typed names share one key per address. */
    private static final int MAX_NAME = 65;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private record Key(String username, String address) {}

    private record Failures(int count, Instant last) {}

    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
    private final Throttle settings;
    private final Clock clock;

    @Autowired
    SignInThrottle(AtharSecurityProperties properties, Clock clock) {
        this(properties.throttle(), clock);
    }

    SignInThrottle(Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long {@code username} from {@code address} must still wait before a sign-in is checked; empty: now. */
    Optional<Duration> waitFor(String username, String address) {
        Failures f = failures.get(key(username, address));
        if (f == null || f.count() < settings.freeFailures()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant next = f.last().plus(delayAfter(f.count()));
        return now.isBefore(next) ? Optional.of(Duration.between(now, next)) : Optional.empty();
    }

    /** A wrong password or code (or an unknown name): one more failure in a row. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.compute(
                key(username, address),
                (k, f) -> f == null || f.last().plus(FORGET_AFTER).isBefore(now)
                        ? new Failures(1, now)
                        : new Failures(f.count() + 1, now));
        if (failures.size() > MAX_KEYS) {
            prune(now);
        }
    }

    /** A complete sign-in: the name and address start again with the free failures. */
    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    /** The wait after {@code count} failures in a row ({@code count} at least the free failures). */
    Duration delayAfter(int count) {
        int doublings = count - settings.freeFailures();
        if (doublings >= 40) {
            return settings.maxDelay();
        }
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    // Someone is filling the map with names (each key costs them a bcrypt check per failure): first drop what has
    // expired, then what slows nobody down yet; a guess that is being slowed keeps its count.
    private void prune(Instant now) {
        failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> f.count() < settings.freeFailures());
        }
        if (failures.size() > 2 * MAX_KEYS) {
            log.warn(
                    "More than {} usernames and addresses are being slowed down; forgetting all of them so memory "
                            + "stays bounded. Someone is guessing passwords at scale: check the audit log's failed sign-ins",
                    2 * MAX_KEYS);
            failures.clear();
        }
    }

    private static Key key(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return new Key(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name, address);
    }
}
