package org.athar.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Athar Sans (Noto Sans and Noto Sans Arabic merged, see {@code chart-fonts/README.md}): one font that draws Latin,
 * digits and shaped Arabic, because Java2D has no fallback for a font loaded from a file and labels mix scripts.
 */
final class ChartFonts {

    static final String REGULAR_RESOURCE = "chart-fonts/AtharSans-Regular.ttf";
    static final String BOLD_RESOURCE = "chart-fonts/AtharSans-Bold.ttf";
    /** What SVG names instead: the web fonts the UI serves, Latin first as in the merged font, then any sans. */
    static final String SVG_FAMILY = "'Noto Sans', 'Noto Sans Arabic', sans-serif";

    private static final byte[] REGULAR_BYTES = read(REGULAR_RESOURCE);
    private static final byte[] BOLD_BYTES = read(BOLD_RESOURCE);
    private static final Font REGULAR = create(REGULAR_BYTES, REGULAR_RESOURCE);
    private static final Font BOLD = create(BOLD_BYTES, BOLD_RESOURCE);

    private ChartFonts() {}

    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    /** Marked bold as well, so SVG says {@code font-weight="bold"}; Java2D does not embolden a bold face again. */
    static Font bold(float size) {
        return BOLD.deriveFont(Font.BOLD, size);
    }

    /** The font file behind {@code font} (regular or bold), to embed in a PDF. */
    static byte[] fileOf(Font font) {
        return font.getFontName().equals(BOLD.getFontName()) ? BOLD_BYTES : REGULAR_BYTES;
    }

    static String family() {
        return REGULAR.getFamily();
    }

    private static byte[] read(String resource) {
        try (InputStream in = ChartFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The chart font " + resource + " is missing from the classpath; "
                        + "rebuild it with tools/merge-chart-fonts.py");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the chart font " + resource, e);
        }
    }

    private static Font create(byte[] bytes, String resource) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException(
                    "The chart font " + resource + " is not a valid TrueType font; "
                            + "rebuild it with tools/merge-chart-fonts.py",
                    e);
        }
    }
}
