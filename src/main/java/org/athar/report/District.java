package org.athar.report;

import java.util.Objects;

/** A Syrian district (OCHA admin2) within its governorate, with its names and centroid. */
public record District(String pcode, String governoratePcode, String nameEn, String nameAr, double lat, double lon) {

    public District {
        Objects.requireNonNull(pcode, "pcode");
        Objects.requireNonNull(governoratePcode, "governoratePcode");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(nameAr, "nameAr");
    }
}
