package org.athar.chart;

import java.util.Arrays;
import java.util.Optional;

/** A file format a chart is written in: its file extension and its HTTP content type. */
public enum ChartFormat {
    SVG("svg", "image/svg+xml"),
    PNG("png", "image/png"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String contentType;

    ChartFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Without the dot, e.g. {@code png}. */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of a file extension such as {@code png} or {@code .PNG}; empty for any other. */
    public static Optional<ChartFormat> fromExtension(String extension) {
        String bare = extension == null ? "" : extension.strip().replaceFirst("^\\.", "");
        return Arrays.stream(values())
                .filter(f -> f.extension.equalsIgnoreCase(bare))
                .findFirst();
    }
}
