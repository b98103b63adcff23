package org.athar.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.athar.demo.DemoPlaces.Town;
import org.athar.report.DatePrecision;
import org.athar.report.PerpetratorCategory;

/**
 * Writes a {@link DemoPerson} as one CSV row the way a given source would: its language habits, a choice of
 * precision and format for the date, and the optional columns filled only as often as in real files.
 */
final class DemoRows {

    private final SplittableRandom random;

    DemoRows(SplittableRandom random) {
        this.random = random;
    }

    /**
     * The 18 values in {@link DemoDataGenerator#HEADER} order. A {@code secondReport} comes from another source
     * that knew the person slightly differently: the date may be off by a few days, the age by a year.
     */
    String[] row(DemoPerson person, DemoSource source, String reportId, boolean secondReport) {
        return write(person, source, reportId, secondReport, null);
    }

    /** The linkage mode's row: the person, names, date (precision or none) and district as {@code as} says. */
    String[] row(DemoTranscription as, DemoSource source, String reportId) {
        return write(as.person(), source, reportId, false, as);
    }

    // The default mode (as == null) must draw from random in exactly the order it always has: the default demo
    // file is the same file for everyone (DemoDefaultOutputTest).
    private String[] write(
            DemoPerson person, DemoSource source, String reportId, boolean secondReport, DemoTranscription as) {
        boolean arabic = random.nextDouble() < source.arabicShare();
        String[] row = new String[18];
        row[0] = reportId;
        row[1] = source.displayName();
        if (as == null) {
            row[2] = DemoNames.written(person.first(), random) + " " + DemoNames.written(person.father(), random) + " "
                    + DemoNames.written(person.family(), random);
            row[3] = random.nextDouble() < 0.40
                    ? DemoNames.latin(person.first(), random) + " " + DemoNames.latin(person.father(), random) + " "
                            + DemoNames.latin(person.family(), random)
                    : "";
        } else {
            row[2] = as.name();
            row[3] = as.latin();
        }
        row[4] = DemoVocabulary.gender(person.gender(), arabic, random);
        row[5] = age(person.age(), secondReport);
        row[6] = person.occupation() == null ? "" : person.occupation().in(arabic);
        if (as != null && as.dropDate()) {
            row[7] = "";
        } else if (as != null && as.coarseDate().isPresent()) {
            row[7] = DemoDates.coarse(person.disappearedOn(), as.coarseDate().get() == DatePrecision.YEAR, random);
        } else {
            row[7] = DemoDates.written(disappearedOn(person, secondReport), arabic, random);
        }
        String place = writePlace(person, arabic, row, as != null && as.dropDistrict());
        row[13] = DemoVocabulary.perpetrator(
                person.perpetrator(), person.disappearedOn().getYear(), arabic, random);
        row[14] = person.perpetratorDetail() == null
                ? ""
                : person.perpetratorDetail().in(arabic);
        row[15] = DemoVocabulary.status(person.status(), person.gender(), arabic, random);
        row[16] = person.statusDate() == null ? "" : person.statusDate().toString();
        row[17] = DemoNarratives.narrative(person, place, arabic, random);
        return row;
    }

    /** Fills governorate, district, locality, latitude and longitude; returns the place a narrative names. */
    private String writePlace(DemoPerson person, boolean arabic, String[] row, boolean dropDistrict) {
        if (person.governorate() == null) {
            row[8] = arabic ? DemoVocabulary.pick(random, "مجهول", "") : DemoVocabulary.pick(random, "unknown", "");
            row[9] = row[10] = row[11] = row[12] = "";
            return arabic ? "مكان غير معروف" : "an unknown place";
        }
        row[8] = DemoPlaces.written(person.governorate(), arabic, random);
        boolean district = random.nextDouble() < 0.70 && !dropDistrict;
        row[9] = district ? DemoPlaces.written(person.district(), arabic, random) : "";
        Town town = random.nextDouble() < 0.85 ? DemoPlaces.locality(person.district(), random) : null;
        row[10] = town == null ? "" : arabic ? town.ar() : town.en();
        if (random.nextDouble() < 0.60) {
            // Near the district's centroid: a point for the map, never an address.
            row[11] = coordinate(person.district().lat() + jitter());
            row[12] = coordinate(person.district().lon() + jitter());
        } else {
            row[11] = row[12] = "";
        }
        if (town != null) {
            return row[10];
        }
        return arabic ? person.governorate().nameAr() : person.governorate().nameEn();
    }

    private String age(Integer age, boolean secondReport) {
        if (age == null) {
            return "";
        }
        // Sources disagree by a year when one counts completed years and the other subtracts years of birth.
        int written = secondReport && random.nextDouble() < 0.3 ? age + (random.nextBoolean() ? 1 : -1) : age;
        return Integer.toString(written);
    }

    private LocalDate disappearedOn(DemoPerson person, boolean secondReport) {
        LocalDate date = person.disappearedOn();
        if (!secondReport || random.nextDouble() < 0.6) {
            return date;
        }
        LocalDate shifted = date.plusDays(random.nextInt(7) - 3L);
        LocalDate last = person.perpetrator() == PerpetratorCategory.GOVERNMENT
                ? DemoDates.GOVERNMENT_FELL.minusDays(1)
                : DemoDates.LAST_DAY;
        return shifted.isAfter(last) ? last : shifted;
    }

    private double jitter() {
        return (random.nextDouble() * 2 - 1) * 0.05;
    }

    /** Five decimals (about 1 m) without {@code String.format}, which would dominate the run time. */
    static String coordinate(double degrees) {
        long scaled = Math.round(degrees * 100_000);
        String sign = scaled < 0 ? "-" : "";
        scaled = Math.abs(scaled);
        String fraction = Long.toString(scaled % 100_000);
        return sign + scaled / 100_000 + "." + "00000".substring(fraction.length()) + fraction;
    }
}
