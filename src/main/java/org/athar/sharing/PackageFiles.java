package org.athar.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Tells a partner's package (an OpenPGP message) from a file of reports by its first bytes, for the upload. */
public final class PackageFiles {

    private static final byte[] ARMOUR = "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII);

    private PackageFiles() {}

    /**
     * Whether {@code in} (which must support mark/reset; it is reset) starts like an encrypted OpenPGP message: ASCII
     * armour, or a first packet with bit 0x80 set that an encrypted message starts with (a public-key encrypted
     * session key, old or new format, or a marker packet). Bit 0x80 alone is not enough: a CSV file beginning with an
     * Arabic letter or a byte order mark has it too, and none of those bytes is such a packet.
     */
    public static boolean looksLikePackage(InputStream in) throws IOException {
        in.mark(ARMOUR.length);
        byte[] start = in.readNBytes(ARMOUR.length);
        in.reset();
        if (start.length == 0) {
            return false;
        }
        if (Arrays.equals(start, ARMOUR)) {
            return true;
        }
        int first = start[0] & 0xFF;
        boolean oldFormat = (first & 0xC0) == 0x80;
        int tag = oldFormat ? (first >> 2) & 0x0F : first & 0x3F;
        return (first & 0x80) != 0 && (oldFormat ? tag == 1 || tag == 10 : tag == 1);
    }
}
