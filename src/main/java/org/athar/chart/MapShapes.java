package org.athar.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OCHA boundaries shipped in {@code geo/}, read once and kept: governorates (admin1) and districts (admin2), as
 * outlines in degrees ({@code x} = longitude, {@code y} = latitude). Nothing is fetched from the network.
 */
final class MapShapes {

    static final String GOVERNORATES = "geo/syria_admin1_governorates.geojson";
    static final String DISTRICTS = "geo/syria_admin2_districts.geojson";

    /** One administrative area: p-code, names, the p-code of its governorate (itself for a governorate). */
    record Region(String pcode, String nameEn, String nameAr, String governoratePcode, Shape outline) {}

    private static final Map<String, List<Region>> CACHE = new ConcurrentHashMap<>();

    private MapShapes() {}

    static List<Region> governorates() {
        return CACHE.computeIfAbsent(GOVERNORATES, MapShapes::read);
    }

    static List<Region> districtsOf(String governoratePcode) {
        List<Region> found = CACHE.computeIfAbsent(DISTRICTS, MapShapes::read).stream()
                .filter(r -> r.governoratePcode().equals(governoratePcode))
                .toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no district boundaries for governorate " + governoratePcode
                    + "; give a governorate p-code SY01–SY14");
        }
        return found;
    }

    private static List<Region> read(String resource) {
        try (InputStream in = MapShapes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The map boundaries " + resource + " are missing from the classpath" + " (see geo/SOURCES.md)");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Region> regions = new ArrayList<>();
            for (JsonNode feature : root.path("features")) {
                JsonNode p = feature.path("properties");
                String pcode = p.path("PCODE").asText();
                regions.add(new Region(
                        pcode,
                        p.path("NAME_EN").asText(),
                        p.path("NAME_AR").asText(),
                        p.path("ADM1_PCODE").asText(pcode),
                        outline(feature.path("geometry"), resource, pcode)));
            }
            return List.copyOf(regions);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the map boundaries " + resource, e);
        }
    }

    private static Path2D.Double outline(JsonNode geometry, String resource, String pcode) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        switch (geometry.path("type").asText()) {
            case "Polygon" -> polygon(path, geometry.path("coordinates"));
            case "MultiPolygon" -> geometry.path("coordinates").forEach(polygon -> polygon(path, polygon));
            default ->
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "%s: %s has a %s geometry; only polygons can be mapped",
                        resource,
                        pcode,
                        geometry.path("type").asText()));
        }
        return path;
    }

    /** The outer ring and its holes; even-odd filling leaves the holes empty. */
    private static void polygon(Path2D.Double path, JsonNode rings) {
        for (JsonNode ring : rings) {
            boolean first = true;
            for (JsonNode point : ring) {
                double lon = point.get(0).asDouble();
                double lat = point.get(1).asDouble();
                if (first) {
                    path.moveTo(lon, lat);
                    first = false;
                } else {
                    path.lineTo(lon, lat);
                }
            }
            path.closePath();
        }
    }
}
