package org.athar.report;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Builds the {@link Gazetteer} from the OCHA/OpenSyria tables, the VDC crosswalk and Athar's own aliases. */
final class GazetteerCsv {

    private static final CSVFormat WITH_HEADER =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private GazetteerCsv() {}

    /** {@code aliasCsv} has the columns {@code pcode,alias}, for governorates and districts alike. */
    static Gazetteer read(Reader governorateCsv, Reader districtCsv, Reader vdcCsv, Reader aliasCsv)
            throws IOException {
        List<Governorate> governorates = new ArrayList<>();
        List<District> districts = new ArrayList<>();
        PlaceNames governorateNames = new PlaceNames("governorate", "province", "muhafazat", "mohafazat", "محافظة");
        PlaceNames districtNames = new PlaceNames("district", "mantiqat", "منطقة");
        for (CSVRecord row : WITH_HEADER.parse(governorateCsv)) {
            Governorate governorate = new Governorate(
                    row.get("pcode"),
                    row.get("name_en"),
                    row.get("name_ar"),
                    Double.parseDouble(row.get("centroid_lat")),
                    Double.parseDouble(row.get("centroid_lon")));
            governorates.add(governorate);
            names(row, "iso_3166_2").forEach(name -> governorateNames.add(governorate.pcode(), name));
        }
        for (CSVRecord row : WITH_HEADER.parse(districtCsv)) {
            District district = new District(
                    row.get("pcode"),
                    row.get("governorate_pcode"),
                    row.get("name_en"),
                    row.get("name_ar"),
                    Double.parseDouble(row.get("centroid_lat")),
                    Double.parseDouble(row.get("centroid_lon")));
            districts.add(district);
            names(row).forEach(name -> districtNames.add(district.pcode(), name));
        }
        Set<String> governoratePcodes =
                governorates.stream().map(Governorate::pcode).collect(Collectors.toSet());
        Set<String> districtPcodes = districts.stream().map(District::pcode).collect(Collectors.toSet());
        for (CSVRecord row : WITH_HEADER.parse(vdcCsv)) {
            // "Unknown", "Other" and "Other Nationalities" have no p-code: they are not places.
            if (!row.get("ocha_pcode").isBlank()) {
                governorateNames.add(known(row.get("ocha_pcode"), governoratePcodes, row), row.get("vdc_province"));
            }
        }
        for (CSVRecord row : WITH_HEADER.parse(aliasCsv)) {
            String pcode = row.get("pcode");
            if (governoratePcodes.contains(pcode)) {
                governorateNames.add(pcode, row.get("alias"));
            } else {
                districtNames.add(known(pcode, districtPcodes, row), row.get("alias"));
            }
        }
        return new Gazetteer(governorates, districts, governorateNames, districtNames);
    }

    private static String known(String pcode, Set<String> pcodes, CSVRecord row) {
        if (!pcodes.contains(pcode)) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "The gazetteer row '%s' refers to %s, which is not a known p-code",
                    String.join(",", row.values()),
                    pcode));
        }
        return pcode;
    }

    /** The p-code, the names and the {@code ; }-separated aliases of a row, plus any {@code extraColumns}. */
    private static Stream<String> names(CSVRecord row, String... extraColumns) {
        Stream<String> single = Stream.concat(
                        Stream.of("pcode", "name_en", "name_ar", "opensyria_name_en", "opensyria_name_ar"),
                        Stream.of(extraColumns))
                .map(row::get);
        Stream<String> aliases = Stream.of("aliases_en", "aliases_ar")
                .flatMap(column -> Stream.of(row.get(column).split(";")));
        return Stream.concat(single, aliases).map(String::strip).filter(name -> !name.isEmpty());
    }
}
