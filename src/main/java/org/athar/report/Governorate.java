package org.athar.report;

import java.util.Objects;

/** A Syrian governorate (OCHA admin1) with its names and the centroid used to place it on a map. */
public record Governorate(String pcode, String nameEn, String nameAr, double lat, double lon) {

    public Governorate {
        Objects.requireNonNull(pcode, "pcode");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(nameAr, "nameAr");
    }
}
