package org.athar.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Uploaded text decoded as strict UTF-8: a file saved in a legacy code page (Windows-1256 is common for Arabic) must
 * fail with advice, not import as unreadable names.
 */
final class Utf8Text {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Text() {}

    /** A reader over {@code in} without its byte order mark, if it has one. */
    static Reader reader(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(BOM.length);
        if (!Arrays.equals(buffered.readNBytes(BOM.length), BOM)) {
            buffered.reset();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(buffered, decoder);
    }

    /** The file is not UTF-8; {@code row} is approximate because the decoder reads ahead. */
    static ImportFormatException notUtf8(long row) {
        return new ImportFormatException("The file is not UTF-8 text (bytes that are not UTF-8 near data row " + row
                + "); save it again as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\"; in LibreOffice: character set "
                + "\"Unicode (UTF-8)\") and upload it again");
    }
}
