package org.athar.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Syria's 14 governorates and 62 districts (OCHA p-codes) with their names, and the resolution of the
 * many ways sources spell them (Arabic, English, transliterations, VDC labels) to p-codes.
 */
public final class Gazetteer {

    private static final String GOVERNORATES = "geo/syria_admin1_governorates.csv";
    private static final String DISTRICTS = "geo/syria_admin2_districts.csv";
    private static final String VDC = "geo/vdc_province_to_ocha_pcode.csv";
    private static final String ALIASES = "geo/place_aliases.csv";

    private final List<Governorate> governorates;
    private final List<District> districts;
    private final Map<String, Governorate> governorateByPcode;
    private final Map<String, District> districtByPcode;
    private final PlaceNames governorateNames;
    private final PlaceNames districtNames;

    Gazetteer(
            List<Governorate> governorates,
            List<District> districts,
            PlaceNames governorateNames,
            PlaceNames districtNames) {
        this.governorates = List.copyOf(governorates);
        this.districts = List.copyOf(districts);
        this.governorateByPcode = byPcode(governorates, Governorate::pcode);
        this.districtByPcode = byPcode(districts, District::pcode);
        this.governorateNames = governorateNames;
        this.districtNames = districtNames;
        List<String> conflicts = new ArrayList<>(governorateNames.conflicts((a, b) -> true));
        conflicts.addAll(districtNames.conflicts((a, b) -> districtByPcode
                .get(a)
                .governoratePcode()
                .equals(districtByPcode.get(b).governoratePcode())));
        if (!conflicts.isEmpty()) {
            // A shared name would send reports to whichever place happened to be read first.
            throw new IllegalStateException("The gazetteer names are ambiguous: " + String.join("; ", conflicts)
                    + ". Remove or correct the alias in src/main/resources/geo/.");
        }
    }

    /** Reads the gazetteer shipped in the application's {@code geo/} resources. */
    public static Gazetteer load() {
        try (Reader governorates = resource(GOVERNORATES);
                Reader districts = resource(DISTRICTS);
                Reader vdc = resource(VDC);
                Reader aliases = resource(ALIASES)) {
            return GazetteerCsv.read(governorates, districts, vdc, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the gazetteer from the classpath (geo/*.csv)", e);
        }
    }

    public List<Governorate> governorates() {
        return governorates;
    }

    public List<District> districts() {
        return districts;
    }

    public Optional<Governorate> governorate(String pcode) {
        return Optional.ofNullable(governorateByPcode.get(pcode));
    }

    public Optional<District> district(String pcode) {
        return Optional.ofNullable(districtByPcode.get(pcode));
    }

    /**
     * The Arabic name of a governorate or district for an Arabic locale, otherwise the English one; a p-code
     * that is not in the gazetteer is returned as it is, so nothing is hidden. "unknown" is the caller's.
     */
    public String label(String pcode, Locale locale) {
        boolean arabic = locale != null && "ar".equals(locale.getLanguage());
        return governorate(pcode)
                .map(g -> arabic ? g.nameAr() : g.nameEn())
                .or(() -> district(pcode).map(d -> arabic ? d.nameAr() : d.nameEn()))
                .orElse(pcode);
    }

    /**
     * The p-code of the governorate {@code text} names (p-code, English or Arabic name, alias or
     * transliteration); empty when it names none. Check {@link UnknownMarkers} first: "unknown" is not a place.
     */
    public Optional<String> resolveGovernorate(String text) {
        return only(governorateNames.find(text));
    }

    /**
     * The p-code of the district {@code text} names. With a governorate, only that governorate's districts
     * qualify, which also settles names shared across governorates; a district found only in another
     * governorate gives empty, so the import can report the contradiction rather than pick one.
     */
    public Optional<String> resolveDistrict(String text, Optional<String> governoratePcode) {
        Set<String> candidates = districtNames.find(text);
        if (governoratePcode.isPresent()) {
            candidates = candidates.stream()
                    .filter(pcode ->
                            districtByPcode.get(pcode).governoratePcode().equals(governoratePcode.get()))
                    .collect(Collectors.toSet());
        }
        return only(candidates);
    }

    private static Optional<String> only(Set<String> candidates) {
        return candidates.size() == 1 ? Optional.of(candidates.iterator().next()) : Optional.empty();
    }

    private static <T> Map<String, T> byPcode(List<T> places, Function<T, String> pcode) {
        return places.stream().collect(Collectors.toUnmodifiableMap(pcode, Function.identity()));
    }

    private static Reader resource(String path) {
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("The gazetteer resource " + path + " is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
