package org.athar.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.util.Arrays;
import org.athar.i18n.Text;

/**
 * Uploaded text decoded as strict UTF-8: a file saved in a legacy code page (Windows-1256 is common for Arabic) must
 * fail with advice, not import as unreadable names.
 */
final class Utf8Text {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Text() {}

    /**
     * A reader over {@code in} without its byte order mark, if it has one. It hands out every character before the
     * first byte that is not UTF-8 and fails only on the read after, so the row reported is the row holding that byte
     * (the JDK's decoder would fail a whole buffer of 8 KB early and name an earlier row).
     */
    static Reader reader(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(BOM.length);
        if (!Arrays.equals(buffered.readNBytes(BOM.length), BOM)) {
            buffered.reset();
        }
        return new StrictReader(buffered);
    }

    /** Data row {@code row} holds bytes that are not UTF-8. */
    static ImportFormatException notUtf8(long row) {
        return new ImportFormatException(
                Text.of("import.error.not-utf8", Text.of("import.error.not-utf8.row", String.valueOf(row))));
    }

    /** The header line holds bytes that are not UTF-8. */
    static ImportFormatException notUtf8InHeader() {
        return new ImportFormatException(Text.of("import.error.not-utf8", Text.of("import.error.not-utf8.header")));
    }

    private static final class StrictReader extends Reader {

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private boolean endOfInput;
        private boolean done;
        private CharacterCodingException pending;

        StrictReader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (pending != null) {
                throw pending;
            }
            if (length == 0) {
                return 0;
            }
            if (done) {
                return -1;
            }
            CharBuffer out = CharBuffer.wrap(target, offset, length);
            while (out.position() == offset) {
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isError()) {
                    pending = result.isMalformed()
                            ? new MalformedInputException(result.length())
                            : new UnmappableCharacterException(result.length());
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfInput) {
                    decoder.flush(out);
                    done = true;
                    break;
                }
                fill();
            }
            int read = out.position() - offset;
            if (read > 0) {
                return read;
            }
            if (pending != null) {
                throw pending;
            }
            return -1;
        }

        private void fill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
