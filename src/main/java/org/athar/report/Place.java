package org.athar.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the person disappeared: governorate and district as OCHA p-codes or {@value #UNKNOWN}, the
 * locality as written, and a point when the source gives one.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"governorate", "district", "locality", "locality_folded", "location"})
@JsonIgnoreProperties(value = "locality_folded", allowGetters = true)
public record Place(String governorate, String district, Optional<String> locality, Optional<GeoPoint> location) {

    /** The value of {@code governorate} or {@code district} when the source does not say. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern GOVERNORATE = Pattern.compile("SY\\d{2}");
    private static final Pattern DISTRICT = Pattern.compile("SY\\d{4}");

    public Place {
        Objects.requireNonNull(governorate, "governorate");
        Objects.requireNonNull(district, "district");
        locality = Objects.requireNonNullElse(locality, Optional.empty());
        location = Objects.requireNonNullElse(location, Optional.empty());
        if (!governorate.equals(UNKNOWN) && !GOVERNORATE.matcher(governorate).matches()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "governorate '%s' is neither a p-code (SY01…SY14) nor 'unknown'", governorate));
        }
        if (!district.equals(UNKNOWN)) {
            if (!DISTRICT.matcher(district).matches()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "district '%s' is neither a p-code (SYxxyy) nor 'unknown'", district));
            }
            // Counting by governorate must agree with counting by district.
            if (!district.startsWith(governorate)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "district %s is not in governorate %s; take the governorate"
                                + " from the district's first four characters",
                        district,
                        governorate));
            }
        }
    }

    public static Place unknown() {
        return new Place(UNKNOWN, UNKNOWN, Optional.empty(), Optional.empty());
    }

    @JsonProperty("locality_folded")
    public Optional<String> localityFolded() {
        return locality.map(TextFolding::fold);
    }
}
