package org.athar.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.athar.security.InvalidUserException.Reason;

/**
 * What a username and a password must be, after NIST SP 800-63B: length, not composition rules (a long passphrase
 * is the advice), and none of what a guesser tries first: a commonly used password (the list shipped in
 * {@code security/common-passwords.txt}, also with digits or punctuation around it), a repeated or sequential
 * pattern ({@code aaaaaaaaaaaa}, {@code abcabcabcabc}, {@code 123456789012}, {@code qwerty123456}), or the username
 * with little else.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "/security/common-passwords.txt";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /** Digits, punctuation and spaces around a word: "Password2024!" is "password" to a guesser. */
    private static final Pattern AFFIXES = Pattern.compile("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$");
    /** At most this many runs (of one character or of a sequence below) make a pattern, not a password. */
    private static final int MAX_PATTERN_RUNS = 3;
    /** At most this many different characters in 12 or more make a pattern too ("abab baba abab"). */
    private static final int MAX_PATTERN_CHARACTERS = 4;
    /** Orders a guesser walks: alphabets, digits, keyboard rows and columns (Latin and Arabic layouts). */
    private static final List<String> SEQUENCES = List.of(
            "abcdefghijklmnopqrstuvwxyz",
            "01234567890",
            "qwertyuiopasdfghjklzxcvbnm",
            "1234567890-=",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
            "1q2w3e4r5t6y7u8i9o0p",
            "q1w2e3r4t5y6u7i8o9p0",
            "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
            "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
            "٠١٢٣٤٥٦٧٨٩٠",
            "ضصثقفغعهخحجد",
            "شسيبلاتنمكط",
            "ئءؤرلاىةوزظ");

    /** Pairs of neighbours in {@link #SEQUENCES}, both ways round, as {@code (previous << 32) | next}. */
    private static final Set<Long> NEIGHBOURS = neighbours();

    private static final class Common {
        static final Set<String> PASSWORDS = load();
    }

    private PasswordPolicy() {}

    /** The username as stored: usernames are case-insensitive, so lower case. */
    static String username(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidUserException(
                    "username",
                    Reason.USERNAME_FORMAT,
                    "username '" + (raw == null ? "" : raw)
                            + "' must be 3 to 64 characters: Latin letters, digits, dot, underscore or hyphen, starting with "
                            + "a letter or digit");
        }
        return name;
    }

    static void check(String username, String password, String field) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidUserException(
                    field,
                    Reason.PASSWORD_TOO_SHORT,
                    field + " must be at least " + MIN_LENGTH + " characters (a few words make a strong one)");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidUserException(
                    field, Reason.PASSWORD_TOO_LONG, field + " must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(name)) {
            throw new InvalidUserException(field, Reason.PASSWORD_IS_USERNAME, field + " must not be the username");
        }
        // The username is the first thing a guesser tries: it does not count towards the password.
        String rest = name.isEmpty() ? lower : lower.replace(name, "");
        if (!rest.equals(lower) && rest.codePointCount(0, rest.length()) < MIN_LENGTH) {
            throw new InvalidUserException(
                    field,
                    Reason.PASSWORD_CONTAINS_USERNAME,
                    field + " contains the username "
                            + "with fewer than " + MIN_LENGTH
                            + " other characters; the username does not count, so choose "
                            + "a password that is long without it");
        }
        if (isCommon(lower) || isCommon(rest)) {
            throw new InvalidUserException(
                    field,
                    Reason.PASSWORD_COMMON,
                    field + " is one of the passwords people "
                            + "use most often (or one with digits or punctuation added), which are guessed first; choose a "
                            + "few unrelated words instead");
        }
        if (isPattern(lower) || isPattern(rest)) {
            throw new InvalidUserException(
                    field,
                    Reason.PASSWORD_REPETITIVE,
                    field + " is a repeated or sequential "
                            + "pattern (like aaaaaaaaaaaa, abcabcabcabc or 123456789012), which is guessed first; choose a few "
                            + "unrelated words instead");
        }
    }

    /** True when the password, or its word without digits and punctuation around it, is a common password. */
    static boolean isCommon(String lower) {
        Set<String> common = Common.PASSWORDS;
        String core = AFFIXES.matcher(lower).replaceAll("");
        return common.contains(lower) || common.contains(lower.strip()) || !core.isEmpty() && common.contains(core);
    }

    /**
     * True for a repetition of a shorter part ({@code abcabcabcabc}, {@code passwordpassword}), for very few
     * different characters, and for at most {@link #MAX_PATTERN_RUNS} runs where each character repeats the one
     * before or is its neighbour in an alphabet, the digits or on a keyboard ({@code aaaaaa123456},
     * {@code qwerty123456}, {@code 123456789012}).
     */
    static boolean isPattern(String lower) {
        int[] c = lower.codePoints().toArray();
        if (c.length == 0) {
            return true;
        }
        if (Arrays.stream(c).distinct().count() <= MAX_PATTERN_CHARACTERS) {
            return true;
        }
        for (int period = 1; period <= c.length / 2; period++) {
            if (repeats(c, period)) {
                return true;
            }
        }
        int runs = 1;
        for (int i = 1; i < c.length; i++) {
            if (!follows(c[i - 1], c[i])) {
                runs++;
            }
        }
        return runs <= MAX_PATTERN_RUNS;
    }

    private static boolean repeats(int[] c, int period) {
        for (int i = period; i < c.length; i++) {
            if (c[i] != c[i - period]) {
                return false;
            }
        }
        return true;
    }

    // The same character again, or a neighbour (either way) in one of the sequences.
    private static boolean follows(int previous, int next) {
        return previous == next || NEIGHBOURS.contains(((long) previous << 32) | next);
    }

    private static Set<Long> neighbours() {
        Set<Long> pairs = new HashSet<>();
        for (String sequence : SEQUENCES) {
            int[] s = sequence.codePoints().toArray();
            for (int i = 1; i < s.length; i++) {
                pairs.add(((long) s[i - 1] << 32) | s[i]);
                pairs.add(((long) s[i] << 32) | s[i - 1]);
            }
        }
        return Set.copyOf(pairs);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords " + COMMON_PASSWORDS + " is missing "
                        + "from the application; rebuild it from the sources");
            }
            Set<String> passwords = new HashSet<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                lines.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(passwords::add);
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + COMMON_PASSWORDS, e);
        }
    }
}
