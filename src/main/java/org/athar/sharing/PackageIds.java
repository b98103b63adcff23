package org.athar.sharing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** Package ids: {@code yyyyMMddHHmmss-<8 lower-case hex>} in UTC, like import batch ids, unguessable in their tail. */
final class PackageIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PackageIds() {}

    static String next(Clock clock) {
        return STAMP.format(clock.instant()) + "-" + random(4);
    }

    /** {@code bytes} random bytes as lower-case hex: the attempt a ledger entry's ids chunks carry. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether {@code id} has the form of a package id (a path variable is checked before it names a file). */
    static boolean wellFormed(String id) {
        return id != null && id.matches("[0-9]{14}-[0-9a-f]{8}");
    }
}
