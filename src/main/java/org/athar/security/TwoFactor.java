package org.athar.security;

import com.google.zxing.WriterException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.athar.security.UserChanged.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Two-factor sign-in with time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app
 * reads from the QR code) and ten single-use recovery codes, stored as SHA-256.
 */
@Service
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final int PERIOD_SECONDS = Totp.PERIOD_SECONDS;
    /** One step either side: a phone clock up to 30 s off still works. */
    private static final int DRIFT_STEPS = 1;
    // Recovery codes: 16 of 36 letters and digits (82 bits), in groups of four for reading off paper.
    private static final String RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the Account page shows to set up an authenticator app; nothing is stored until it is confirmed. */
    public record Enrolment(String secret, String otpauthUri, byte[] qrPng) {}

    /** How a second factor was accepted. */
    enum Accepted {
        CODE,
        RECOVERY_CODE,
        NO
    }

    private final UserStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TwoFactor(UserStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Enrolment begin(String username) {
        String secret = Totp.newSecret();
        // Key URI format of Google Authenticator, byte for byte what Athar wrote before it had its own TOTP code.
        String uri = "otpauth://totp/" + uriEncode(username) + "?secret=" + uriEncode(secret) + "&issuer=Athar"
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + PERIOD_SECONDS;
        try {
            return new Enrolment(secret, uri, QrPng.of(uri, 240));
        } catch (WriterException e) {
            throw new IllegalStateException(
                    "could not draw the QR code (" + e.getMessage() + "); type the secret "
                            + "into the authenticator app instead",
                    e);
        }
    }

    /**
     * Turns two factors on when {@code code} is valid for {@code secret}, replacing any earlier set-up.
     *
     * @return the ten recovery codes, to show once; empty when the code is wrong
     */
    public Optional<List<String>> confirm(String username, String secret, String code) {
        long step = matchingStep(secret, code, -1);
        if (step < 0) {
            return Optional.empty();
        }
        List<String> recovery =
                IntStream.range(0, RECOVERY_CODES).mapToObj(i -> recoveryCode()).toList();
        List<String> hashes = recovery.stream()
                .map(c -> PasswordHashing.sha256(normalised(c)))
                .toList();
        store.update(username, a -> a.withTwoFactor(Optional.of(secret), step, hashes, Optional.empty()), true)
                .orElseThrow(() -> new NoSuchUserException(username));
        events.publishEvent(new UserChanged(username, username, Change.TWO_FACTOR_ENABLED, ""));
        return Optional.of(List.copyOf(recovery));
    }

    public boolean isOn(String username) {
        return store.find(username).map(UserAccount::twoFactorOn).orElse(false);
    }

    /**
     * The second step of a sign-in: a current code (each accepted once) or an unused recovery code (then used up).
     */
    Accepted verify(String username, String input) {
        UserAccount account = store.find(username).orElseThrow(() -> new NoSuchUserException(username));
        if (account.totpSecret().isEmpty() || input == null) {
            return Accepted.NO;
        }
        String entered = input.strip();
        if (entered.matches("\\d{6}")) {
            long step = matchingStep(account.totpSecret().get(), entered, account.totpLastStep());
            if (step < 0) {
                return Accepted.NO;
            }
            // Compare-and-set: the same code sent twice at once is accepted only once.
            boolean[] won = {false};
            store.update(
                    username,
                    a -> {
                        won[0] = a.totpLastStep() < step;
                        return won[0] ? a.withTwoFactor(a.totpSecret(), step, a.recoveryCodes(), Optional.empty()) : a;
                    },
                    false);
            return won[0] ? Accepted.CODE : Accepted.NO;
        }
        String hash = PasswordHashing.sha256(normalised(entered));
        boolean[] used = {false};
        store.update(
                username,
                a -> {
                    used[0] = a.recoveryCodes().contains(hash);
                    return used[0]
                            ? a.withTwoFactor(
                                    a.totpSecret(),
                                    a.totpLastStep(),
                                    a.recoveryCodes().stream()
                                            .filter(h -> !h.equals(hash))
                                            .toList(),
                                    Optional.empty())
                            : a;
                },
                false);
        if (used[0]) {
            events.publishEvent(new UserChanged(username, username, Change.RECOVERY_CODE_USED, ""));
            return Accepted.RECOVERY_CODE;
        }
        return Accepted.NO;
    }

    /** How many unused recovery codes the user has left. */
    public int recoveryCodesLeft(String username) {
        return store.find(username).map(a -> a.recoveryCodes().size()).orElse(0);
    }

    // The time step (RFC 6238 counter) whose code equals the input, only steps after lastStep; -1 if none.
    private long matchingStep(String secret, String code, long lastStep) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return -1;
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            if (step > lastStep && constantTimeEquals(generate(secret, step), code.strip())) {
                return step;
            }
        }
        return -1;
    }

    private static String generate(String secret, long step) {
        try {
            return Totp.code(secret, step);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the stored two-factor secret is not valid base32; an administrator can "
                            + "reset two factors for this user",
                    e);
        }
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String uriEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    // Recovery codes are read off paper: case, spaces and hyphens do not matter.
    private static String normalised(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
