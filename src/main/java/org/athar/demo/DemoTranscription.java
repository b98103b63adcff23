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
 * date or the district is left out, and which {@link DemoVariant}s (and {@link DemoExtraVariant}s) made it differ.
 */
record DemoTranscription(
        DemoPerson person,
        String name,
        String latin,
        Optional<DatePrecision> coarseDate,
        boolean dropDistrict,
        boolean dropDate,
        Set<DemoVariant> variants,
        Set<DemoExtraVariant> extraVariants) {

    // As often as DemoRows fills victim_name_latin in the default mode.
    private static final double LATIN_COLUMN_SHARE = 0.40;

    /**
     * The first report of a person: only the everyday differences every report has, no variant; in a set with
     * extended names ({@link LinkageShares#extendedNames()}) also the {@link DemoExtraVariant}s, and Latin letters
     * only when {@code latinSource} writes it. {@code kunya} is the person's kunya or {@code null}.
     */
    static DemoTranscription first(
            DemoPerson person, LinkageShares shares, boolean latinSource, Name kunya, SplittableRandom random) {
        if (shares.extendedNames()) {
            DemoNameWriting.Written written = DemoNameWriting.write(person, kunya, false, latinSource, shares, random);
            EnumSet<DemoExtraVariant> extras = EnumSet.noneOf(DemoExtraVariant.class);
            extras.addAll(written.extraVariants());
            boolean dropDate = dropDate(shares, extras, random);
            return new DemoTranscription(
                    person,
                    written.name(),
                    written.latin(),
                    Optional.empty(),
                    false,
                    dropDate,
                    written.variants(),
                    extras);
        }
        String name = join(parts(person, false), part -> DemoNames.written(part, random));
        String latin = random.nextDouble() < LATIN_COLUMN_SHARE
                ? join(parts(person, false), part -> DemoNames.latin(part, random))
                : "";
        return new DemoTranscription(person, name, latin, Optional.empty(), false, false, Set.of(), Set.of());
    }

    /**
     * A later report by another source: each variant drawn with its share in {@code shares}, kept only where it
     * changed something. The own set draws in the order it always has (DemoLinkageOwnOutputTest).
     */
    static DemoTranscription later(
            DemoPerson person,
            DemoPlaces places,
            LinkageShares shares,
            boolean latinSource,
            Name kunya,
            SplittableRandom random) {
        EnumSet<DemoVariant> applied = EnumSet.noneOf(DemoVariant.class);
        EnumSet<DemoExtraVariant> extras = EnumSet.noneOf(DemoExtraVariant.class);
        String name;
        String latin;
        if (shares.extendedNames()) {
            DemoNameWriting.Written written = DemoNameWriting.write(person, kunya, true, latinSource, shares, random);
            name = written.name();
            latin = written.latin();
            applied.addAll(written.variants());
            extras.addAll(written.extraVariants());
        } else {
            String[] columns = ownNames(person, shares, applied, random);
            name = columns[0];
            latin = columns[1];
        }
        return laterFacts(person, places, shares, name, latin, applied, extras, random);
    }

    /** The own set's way of writing a later report's name and Latin columns; adds the variants it applied. */
    private static String[] ownNames(
            DemoPerson person, LinkageShares shares, EnumSet<DemoVariant> applied, SplittableRandom random) {
        boolean spelling = drawn(DemoVariant.ARABIC_SPELLING, shares, random);
        boolean dropArticle = drawn(DemoVariant.DROPPED_ARTICLE, shares, random);
        boolean transposed = drawn(DemoVariant.TRANSPOSED_NAMES, shares, random);
        boolean latinOnly = drawn(DemoVariant.LATIN_ONLY, shares, random);
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
        return new String[] {name, latin};
    }

    /** The date, age, district and status of a later report as the source knew them. */
    private static DemoTranscription laterFacts(
            DemoPerson person,
            DemoPlaces places,
            LinkageShares shares,
            String name,
            String latin,
            EnumSet<DemoVariant> applied,
            EnumSet<DemoExtraVariant> extras,
            SplittableRandom random) {
        DemoPerson known = person;
        if (drawn(DemoVariant.DATE_SHIFTED, shares, random)) {
            LocalDate shifted = shifted(person, shares.maxDateShift(), random);
            if (!shifted.equals(person.disappearedOn())) {
                known = known.withDisappearedOn(shifted);
                applied.add(DemoVariant.DATE_SHIFTED);
            }
        }
        Optional<DatePrecision> coarse = Optional.empty();
        if (drawn(DemoVariant.DATE_COARSER, shares, random)) {
            coarse = Optional.of(random.nextBoolean() ? DatePrecision.YEAR : DatePrecision.MONTH);
            applied.add(DemoVariant.DATE_COARSER);
        }
        double age = random.nextDouble();
        double ageMissing = shares.share(DemoVariant.AGE_MISSING);
        if (person.age() != null && age < ageMissing) {
            known = known.withAge(null);
            applied.add(DemoVariant.AGE_MISSING);
        } else if (person.age() != null && age < ageMissing + shares.share(DemoVariant.AGE_DIFFERENT)) {
            known = known.withAge(person.age() + (random.nextBoolean() ? 1 : -1));
            applied.add(DemoVariant.AGE_DIFFERENT);
        }
        boolean dropDistrict = false;
        double district = random.nextDouble();
        double districtMissing = shares.share(DemoVariant.DISTRICT_MISSING);
        if (person.district() != null && district < districtMissing) {
            dropDistrict = true;
            applied.add(DemoVariant.DISTRICT_MISSING);
        } else if (person.district() != null
                && district < districtMissing + shares.share(DemoVariant.NEIGHBOUR_DISTRICT)) {
            Optional<District> neighbour = places.neighbour(person.district());
            if (neighbour.isPresent()) {
                known = known.withDistrict(neighbour.get());
                applied.add(DemoVariant.NEIGHBOUR_DISTRICT);
            }
        }
        if (drawn(DemoVariant.STATUS_DIFFERENT, shares, random)
                && (person.status() == ReportStatus.MISSING || person.status() == ReportStatus.DETAINED)) {
            known = known.withStatus(
                    person.status() == ReportStatus.MISSING ? ReportStatus.DETAINED : ReportStatus.MISSING);
            applied.add(DemoVariant.STATUS_DIFFERENT);
        }
        boolean dropDate = dropDate(shares, extras, random);
        if (dropDate) {
            // An empty date is neither coarser nor shifted.
            applied.remove(DemoVariant.DATE_COARSER);
            applied.remove(DemoVariant.DATE_SHIFTED);
        }
        return new DemoTranscription(known, name, latin, coarse, dropDistrict, dropDate, applied, extras);
    }

    // The own set draws every variant, even one with a share of 0 (its file depends on that order).
    private static boolean drawn(DemoVariant variant, LinkageShares shares, SplittableRandom random) {
        return random.nextDouble() < shares.share(variant);
    }

    /** Whether the date is left empty; no random number is spent when the set never leaves it empty. */
    private static boolean dropDate(LinkageShares shares, EnumSet<DemoExtraVariant> extras, SplittableRandom random) {
        double share = shares.share(DemoExtraVariant.DATE_MISSING);
        if (share > 0 && random.nextDouble() < share) {
            extras.add(DemoExtraVariant.DATE_MISSING);
            return true;
        }
        return false;
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

    /** One to {@code maxDays} days earlier or later, never after the last day the perpetrator could make an arrest. */
    private static LocalDate shifted(DemoPerson person, int maxDays, SplittableRandom random) {
        int days = (1 + random.nextInt(maxDays)) * (random.nextBoolean() ? 1 : -1);
        LocalDate shifted = person.disappearedOn().plusDays(days);
        LocalDate last = person.perpetrator() == PerpetratorCategory.GOVERNMENT
                ? DemoDates.GOVERNMENT_FELL.minusDays(1)
                : DemoDates.LAST_DAY;
        return shifted.isAfter(last) ? last : shifted;
    }
}
