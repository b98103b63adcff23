package org.athar.export;

import java.nio.charset.StandardCharsets;

/**
 * The name of one downloaded file: an ASCII slug that every system accepts and, when the file is in Arabic (or its
 * title is not ASCII), the name in its own script. Built only by {@link DownloadNames}.
 */
public record DownloadName(String ascii, String unicode) {

    /**
     * {@code attachment; filename="…"} with the ASCII name, plus {@code filename*=UTF-8''…} (RFC 6266 / 5987) when
     * the file has a name in another script: browsers that read {@code filename*} save the Arabic name, the others
     * the ASCII one. Spring's own builder would put an RFC 2047 "=?UTF-8?Q?…?=" string in {@code filename}, which
     * some browsers save literally, so the header is written here.
     */
    public String contentDisposition() {
        String header = "attachment; filename=\"" + ascii + "\"";
        return unicode.equals(ascii) ? header : header + "; filename*=UTF-8''" + rfc5987(unicode);
    }

    /** Percent-encodes every byte of the UTF-8 form except RFC 5987's attr-char. */
    static String rfc5987(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
