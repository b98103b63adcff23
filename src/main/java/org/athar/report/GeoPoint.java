package org.athar.report;

import java.util.Locale;

/** A WGS 84 point, written as Elasticsearch's {@code geo_point} object {@code {"lat": …, "lon": …}}. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "(%s, %s) is not a latitude/longitude pair; latitude comes first", lat, lon));
        }
    }
}
