package org.athar.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.athar.demo.DemoNames.Name;
import org.athar.report.DatePrecision;
import org.athar.report.District;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;

/**
 * How one source knew and wrote a person in the linkage mode: the facts as it had them ({@code person}, perhaps a
 * day or a year off), the name columns as written, whether only the year or month of the date is given, whether the
 * district is left out, and which {@link DemoVariant}s made it differ from the first report.
 */
record DemoTranscription(
        DemoPerson person,
        String name,
        String latin,
        Optional<DatePrecision> coarseDate,
        boolean dropDistrict,
        Set<DemoVariant> variants) {

    // As often as DemoRows fills victim_name_latin in the default mode.
    private static final double LATIN_COLUMN_SHARE = 0.40;

    /** The first report of a person: only the everyday differences every report has, no variant. */
    static DemoTranscription first(DemoPerson person, SplittableRandom random) {
        String name = join(parts(person, false), part -> DemoNames.written(part, random));
        String latin = random.nextDouble() < LATIN_COLUMN_SHARE
                ? join(parts(person, false), part -> DemoNames.latin(part, random))
                : "";
        return new DemoTranscription(person, name, latin, Optional.empty(), false, Set.of());
    }

    /** A later report by another source: each variant drawn with its share, kept only where it changed something. */
    static DemoTranscription later(DemoPerson person, DemoPlaces places, SplittableRandom random) {
        EnumSet<DemoVariant> applied = EnumSet.noneOf(DemoVariant.class);
        boolean spelling = drawn(DemoVariant.ARABIC_SPELLING, random);
        boolean dropArticle = drawn(DemoVariant.DROPPED_ARTICLE, random);
        boolean transposed = drawn(DemoVariant.TRANSPOSED_NAMES, random);
        boolean latinOnly = drawn(DemoVariant.LATIN_ONLY, random);
        boolean familyFirst = transposed && random.nextBoolean();
        List<Name> parts = transposed && !familyFirst
                ? List.of(person.father(), person.first(), person.family())
                : parts(person, familyFirst);
        boolean[] articleDropped = {false};
        Function<Name, String> latinWriting = part -> {
            String latinName = DemoNames.latin(part, random);
            if (!dropArticle || part != person.family()) {
                return latinName;
            }
            String without = DemoNames.withoutLatinArticle(latinName);
            articleDropped[0] |= !without.equals(latinName);
            return without;
        };
        String name;
        String latin;
        if (latinOnly) {
            name = join(parts, latinWriting);
            latin = "";
            applied.add(DemoVariant.LATIN_ONLY);
        } else {
            name = join(parts, part -> {
                String written = spelling ? DemoNames.bareHamza(part.arabic()) : DemoNames.written(part, random);
                if (!dropArticle || part != person.family()) {
                    return written;
                }
                String without = DemoNames.withoutArticle(written);
                articleDropped[0] |= !without.equals(written);
                return without;
            });
            latin = random.nextDouble() < LATIN_COLUMN_SHARE ? join(parts, latinWriting) : "";
            if (spelling
                    && parts.stream()
                            .anyMatch(p -> !DemoNames.bareHamza(p.arabic()).equals(p.arabic()))) {
                applied.add(DemoVariant.ARABIC_SPELLING);
            }
        }
        if (articleDropped[0]) {
            applied.add(DemoVariant.DROPPED_ARTICLE);
        }
        if (transposed && (familyFirst || person.first() != person.father())) {
            applied.add(DemoVariant.TRANSPOSED_NAMES);
        }
        DemoPerson known = person;
        if (drawn(DemoVariant.DATE_SHIFTED, random)) {
            LocalDate shifted = shifted(person, random);
            if (!shifted.equals(person.disappearedOn())) {
                known = known.withDisappearedOn(shifted);
                applied.add(DemoVariant.DATE_SHIFTED);
            }
        }
        Optional<DatePrecision> coarse = Optional.empty();
        if (drawn(DemoVariant.DATE_COARSER, random)) {
            coarse = Optional.of(random.nextBoolean() ? DatePrecision.YEAR : DatePrecision.MONTH);
            applied.add(DemoVariant.DATE_COARSER);
        }
        double age = random.nextDouble();
        if (person.age() != null && age < DemoVariant.AGE_MISSING.share()) {
            known = known.withAge(null);
            applied.add(DemoVariant.AGE_MISSING);
        } else if (person.age() != null && age < DemoVariant.AGE_MISSING.share() + DemoVariant.AGE_DIFFERENT.share()) {
            known = known.withAge(person.age() + (random.nextBoolean() ? 1 : -1));
            applied.add(DemoVariant.AGE_DIFFERENT);
        }
        boolean dropDistrict = false;
        double district = random.nextDouble();
        if (person.district() != null && district < DemoVariant.DISTRICT_MISSING.share()) {
            dropDistrict = true;
            applied.add(DemoVariant.DISTRICT_MISSING);
        } else if (person.district() != null
                && district < DemoVariant.DISTRICT_MISSING.share() + DemoVariant.NEIGHBOUR_DISTRICT.share()) {
            Optional<District> neighbour = places.neighbour(person.district());
            if (neighbour.isPresent()) {
                known = known.withDistrict(neighbour.get());
                applied.add(DemoVariant.NEIGHBOUR_DISTRICT);
            }
        }
        if (drawn(DemoVariant.STATUS_DIFFERENT, random)
                && (person.status() == ReportStatus.MISSING || person.status() == ReportStatus.DETAINED)) {
            known = known.withStatus(
                    person.status() == ReportStatus.MISSING ? ReportStatus.DETAINED : ReportStatus.MISSING);
            applied.add(DemoVariant.STATUS_DIFFERENT);
        }
        return new DemoTranscription(known, name, latin, coarse, dropDistrict, applied);
    }

    private static boolean drawn(DemoVariant variant, SplittableRandom random) {
        return random.nextDouble() < variant.share();
    }

    /** First, father's and family name, or the family name first. */
    private static List<Name> parts(DemoPerson person, boolean familyFirst) {
        return familyFirst
                ? List.of(person.family(), person.first(), person.father())
                : List.of(person.first(), person.father(), person.family());
    }

    private static String join(List<Name> parts, Function<Name, String> writing) {
        return String.join(" ", parts.stream().map(writing).toList());
    }

    /** One to four days earlier or later, never after the last day the perpetrator could have made an arrest. */
    private static LocalDate shifted(DemoPerson person, SplittableRandom random) {
        int days = (1 + random.nextInt(4)) * (random.nextBoolean() ? 1 : -1);
        LocalDate shifted = person.disappearedOn().plusDays(days);
        LocalDate last = person.perpetrator() == PerpetratorCategory.GOVERNMENT
                ? DemoDates.GOVERNMENT_FELL.minusDays(1)
                : DemoDates.LAST_DAY;
        return shifted.isAfter(last) ? last : shifted;
    }
}
