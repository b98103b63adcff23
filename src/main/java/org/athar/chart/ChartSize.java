package org.athar.chart;

import java.util.Locale;
import java.util.Optional;

/**
 * How big a chart is. For a PNG, {@code width}×{@code height} are the pixels of the file and {@code dpi} the
 * resolution written into it: the drawing itself is laid out at {@code width×96/dpi} by {@code height×96/dpi} CSS
 * pixels, so its text has its true size when printed at that resolution. For SVG and PDF, {@code width}×{@code height}
 * is the drawing's size in CSS pixels (a PDF page is the same size in points ×0.75) and {@code dpi} is not used.
 */
public record ChartSize(int width, int height, int dpi) {

    public static final int MIN_PIXELS = 200;
    public static final int MAX_PIXELS = 8000;
    public static final int MIN_DPI = 72;
    public static final int MAX_DPI = 600;
    /**
     * The most pixels a PNG may have (16 megapixels, e.g. 5333×3000 or 4000×4000): its raster is held in memory while
     * it is drawn (3 bytes a pixel), so one request cannot take hundreds of megabytes and seconds of a core.
     */
    public static final long MAX_RASTER_PIXELS = 16_000_000L;
    /** What a browser and SVG count as one inch. */
    static final double CSS_DPI = 96;
    /** The smallest drawing (in CSS pixels) that still has room for titles, axes and footer. */
    public static final int MIN_DRAWING_WIDTH = 240;

    public static final int MIN_DRAWING_HEIGHT = 160;

    /** A 16:9 chart for print: 1600×900 pixels at 300 dpi (5.3×3 in). */
    public static final ChartSize PRINT = new ChartSize(1600, 900, 300);

    public ChartSize {
        check("width", width, MIN_PIXELS, MAX_PIXELS, "pixels");
        check("height", height, MIN_PIXELS, MAX_PIXELS, "pixels");
        requireDpi(dpi);
    }

    /** Refuses a resolution outside {@link #MIN_DPI}..{@link #MAX_DPI}, naming {@code dpi} first in its message. */
    public static void requireDpi(int dpi) {
        check("dpi", dpi, MIN_DPI, MAX_DPI, "dots per inch");
    }

    /** A size for SVG or PDF, or a PNG at screen resolution (96 dpi). */
    public static ChartSize of(int width, int height) {
        return new ChartSize(width, height, (int) CSS_DPI);
    }

    /** Pixels of the file per CSS pixel of the drawing: dpi/96 for a PNG, 1 for vector formats. */
    double scale(ChartFormat format) {
        return format == ChartFormat.PNG ? dpi / CSS_DPI : 1;
    }

    /** The drawing's width in CSS pixels. */
    double drawingWidth(ChartFormat format) {
        return width / scale(format);
    }

    double drawingHeight(ChartFormat format) {
        return height / scale(format);
    }

    /** The pixels of a PNG of this size. */
    public long pixels() {
        return (long) width * height;
    }

    /** Refuses a PNG of more than {@link #MAX_RASTER_PIXELS} pixels. */
    void requireRasterBudget(ChartFormat format) {
        if (format == ChartFormat.PNG && pixels() > MAX_RASTER_PIXELS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "width × height of a PNG may be at most %,d pixels, got %,d",
                    MAX_RASTER_PIXELS,
                    pixels()));
        }
    }

    /** Refuses a PNG whose pixels are too few for its dpi to hold a legible chart. */
    void requireRoomFor(ChartFormat format) {
        double w = drawingWidth(format);
        double h = drawingHeight(format);
        if (crampedSide(format).isPresent()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%d×%d pixels at %d dpi leave a drawing of %.0f×%.0f CSS pixels, too "
                            + "small for a legible chart (at least %d×%d); give more pixels (width, height) or a lower dpi",
                    width,
                    height,
                    dpi,
                    w,
                    h,
                    MIN_DRAWING_WIDTH,
                    MIN_DRAWING_HEIGHT));
        }
    }

    /**
     * The side, {@code width} or {@code height}, whose pixels are too few at this dpi for a legible drawing, if one
     * is (the width when both are).
     */
    public Optional<String> crampedSide(ChartFormat format) {
        if (drawingWidth(format) < MIN_DRAWING_WIDTH) {
            return Optional.of("width");
        }
        return drawingHeight(format) < MIN_DRAWING_HEIGHT ? Optional.of("height") : Optional.empty();
    }

    private static void check(String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be between %d and %d %s, got %d", name, min, max, unit, value));
        }
    }
}
