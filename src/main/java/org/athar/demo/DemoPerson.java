package org.athar.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.athar.demo.DemoNames.Name;
import org.athar.demo.DemoVocabulary.Pair;
import org.athar.report.District;
import org.athar.report.Gender;
import org.athar.report.Governorate;
import org.athar.report.NameSkeleton;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;

/**
 * The facts about one invented person, before any source writes them down. Keeping them apart from the
 * wording lets two sources report the same person differently, as real partners do. {@code null} means
 * not known (age, occupation, place, detail, status date).
 */
record DemoPerson(
        Name first,
        Name father,
        Name family,
        Gender gender,
        Integer age,
        Pair occupation,
        Governorate governorate,
        District district,
        PerpetratorCategory perpetrator,
        Pair perpetratorDetail,
        LocalDate disappearedOn,
        ReportStatus status,
        LocalDate statusDate) {

    // Shares from SNHR's annual reports (government forces hold about 85–87 % of documented cases).
    private static final Weighted<PerpetratorCategory> PERPETRATORS = Weighted.of(
            List.of(
                    PerpetratorCategory.GOVERNMENT,
                    PerpetratorCategory.ISIS,
                    PerpetratorCategory.HTS,
                    PerpetratorCategory.ARMED_OPPOSITION,
                    PerpetratorCategory.SDF,
                    PerpetratorCategory.UNKNOWN),
            85,
            6,
            2,
            2,
            2,
            3);
    private static final Weighted<Gender> GENDERS =
            Weighted.of(List.of(Gender.MALE, Gender.FEMALE, Gender.UNKNOWN), 88, 10, 2);
    private static final Weighted<ReportStatus> STATUSES = Weighted.of(
            List.of(
                    ReportStatus.MISSING,
                    ReportStatus.DETAINED,
                    ReportStatus.RELEASED,
                    ReportStatus.DEAD,
                    ReportStatus.UNKNOWN),
            70,
            12,
            8,
            7,
            3);

    /** Draws one person; the same random sequence always draws the same person. */
    static DemoPerson draw(DemoPlaces places, SplittableRandom random) {
        return draw(places, LinkageShares.OWN, random);
    }

    /** As {@link #draw(DemoPlaces, SplittableRandom)}, with the first-name skew and events {@code shares} say. */
    static DemoPerson draw(DemoPlaces places, LinkageShares shares, SplittableRandom random) {
        Gender gender = GENDERS.pick(random);
        double skew = shares.firstNameSkew();
        Name first = DemoNames.first(gender == Gender.FEMALE ? DemoNames.FEMALE : DemoNames.MALE, skew, random);
        Name father = DemoNames.first(DemoNames.MALE, skew, random);
        Name family = DemoNames.family(random);
        Integer age = age(random);
        Pair occupation = random.nextBoolean() ? DemoVocabulary.occupation(gender, age, random) : null;
        PerpetratorCategory perpetrator = perpetrator(shares, random);
        Governorate governorate = random.nextDouble() < 0.03 ? null : places.governorate(perpetrator, random);
        District district = governorate == null ? null : places.district(governorate, random);
        Pair detail = detail(perpetrator, shares, random);
        LocalDate disappearedOn = DemoDates.disappearance(perpetrator, random);
        ReportStatus status = status(shares, random);
        return new DemoPerson(
                first,
                father,
                family,
                gender,
                age,
                occupation,
                governorate,
                district,
                perpetrator,
                detail,
                disappearedOn,
                status,
                statusDate(status, perpetrator, disappearedOn, random));
    }

    /**
     * A brother of {@code sibling} (a hard negative for linkage): the same father's and family name, governorate
     * and usually district, another first name that does not sound like the sibling's (brothers named Mohammad and
     * Mahmoud exist, but no spelling tells them apart), an age a few years apart, and often the same day: families
     * lose brothers in the same raid.
     */
    static DemoPerson brotherOf(DemoPerson sibling, DemoPlaces places, LinkageShares shares, SplittableRandom random) {
        Name first;
        do {
            first = DemoNames.first(DemoNames.MALE, shares.firstNameSkew(), random);
        } while (NameSkeleton.of(first.arabic())
                .equals(NameSkeleton.of(sibling.first().arabic())));
        Integer age = age(random);
        if (sibling.age() != null && age != null) {
            age = Math.max(14, sibling.age() + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(12)));
        }
        Governorate governorate = sibling.governorate() == null
                ? places.governorate(sibling.perpetrator(), random)
                : sibling.governorate();
        District district = sibling.district() != null && random.nextDouble() < 0.7
                ? sibling.district()
                : places.district(governorate, random);
        PerpetratorCategory perpetrator =
                random.nextDouble() < 0.7 ? sibling.perpetrator() : perpetrator(shares, random);
        LocalDate disappearedOn = perpetrator == sibling.perpetrator() && random.nextDouble() < 0.4
                ? sibling.disappearedOn()
                : DemoDates.disappearance(perpetrator, random);
        return drawRest(
                first,
                sibling.father(),
                sibling.family(),
                Gender.MALE,
                age,
                governorate,
                district,
                perpetrator,
                disappearedOn,
                shares,
                random);
    }

    /**
     * Someone else with the same three names as {@code other} (a hard negative), from another governorate or, when
     * {@code sameGovernorate} and {@code other}'s is known, from the same one.
     */
    static DemoPerson namesakeOf(
            DemoPerson other,
            DemoPlaces places,
            boolean sameGovernorate,
            LinkageShares shares,
            SplittableRandom random) {
        PerpetratorCategory perpetrator = perpetrator(shares, random);
        Governorate governorate;
        if (sameGovernorate && other.governorate() != null) {
            governorate = other.governorate();
        } else {
            do {
                governorate = places.governorate(perpetrator, random);
            } while (governorate.equals(other.governorate())); // every party's cases span several governorates
        }
        Gender gender = other.gender() == Gender.UNKNOWN ? Gender.MALE : other.gender();
        return drawRest(
                other.first(),
                other.father(),
                other.family(),
                gender,
                age(random),
                governorate,
                places.district(governorate, random),
                perpetrator,
                DemoDates.disappearance(perpetrator, random),
                shares,
                random);
    }

    private static DemoPerson drawRest(
            Name first,
            Name father,
            Name family,
            Gender gender,
            Integer age,
            Governorate governorate,
            District district,
            PerpetratorCategory perpetrator,
            LocalDate disappearedOn,
            LinkageShares shares,
            SplittableRandom random) {
        Pair occupation = random.nextBoolean() ? DemoVocabulary.occupation(gender, age, random) : null;
        Pair detail = detail(perpetrator, shares, random);
        ReportStatus status = status(shares, random);
        return new DemoPerson(
                first,
                father,
                family,
                gender,
                age,
                occupation,
                governorate,
                district,
                perpetrator,
                detail,
                disappearedOn,
                status,
                statusDate(status, perpetrator, disappearedOn, random));
    }

    DemoPerson withAge(Integer newAge) {
        return new DemoPerson(
                first,
                father,
                family,
                gender,
                newAge,
                occupation,
                governorate,
                district,
                perpetrator,
                perpetratorDetail,
                disappearedOn,
                status,
                statusDate);
    }

    DemoPerson withDistrict(District newDistrict) {
        return new DemoPerson(
                first,
                father,
                family,
                gender,
                age,
                occupation,
                governorate,
                newDistrict,
                perpetrator,
                perpetratorDetail,
                disappearedOn,
                status,
                statusDate);
    }

    DemoPerson withDisappearedOn(LocalDate day) {
        return new DemoPerson(
                first,
                father,
                family,
                gender,
                age,
                occupation,
                governorate,
                district,
                perpetrator,
                perpetratorDetail,
                day,
                status,
                statusDate);
    }

    DemoPerson withStatus(ReportStatus newStatus) {
        return new DemoPerson(
                first,
                father,
                family,
                gender,
                age,
                occupation,
                governorate,
                district,
                perpetrator,
                perpetratorDetail,
                disappearedOn,
                newStatus,
                statusDate);
    }

    /**
     * Whether a second source may report this person: linkage needs the name, gender and governorate to agree,
     * so only persons for whom all three are known are reported twice.
     */
    boolean linkable() {
        return gender != Gender.UNKNOWN && governorate != null;
    }

    // With uninformative events (the second evaluation set) every person was taken by the government and is missing,
    // with no unit named: neither field can tell two persons apart. Otherwise the draws are the own set's, in its
    // order (DemoLinkageOwnOutputTest).
    private static PerpetratorCategory perpetrator(LinkageShares shares, SplittableRandom random) {
        return shares.uninformativeEvents() ? PerpetratorCategory.GOVERNMENT : PERPETRATORS.pick(random);
    }

    private static ReportStatus status(LinkageShares shares, SplittableRandom random) {
        return shares.uninformativeEvents() ? ReportStatus.MISSING : STATUSES.pick(random);
    }

    private static Pair detail(PerpetratorCategory perpetrator, LinkageShares shares, SplittableRandom random) {
        return !shares.uninformativeEvents() && perpetrator == PerpetratorCategory.GOVERNMENT && random.nextBoolean()
                ? DemoVocabulary.GOVERNMENT_DETAILS.get(random.nextInt(DemoVocabulary.GOVERNMENT_DETAILS.size()))
                : null;
    }

    /** About 10 % unknown, 7 % children of 14–17, the other adults mostly 18–45. */
    private static Integer age(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.10) {
            return null;
        }
        if (u < 0.17) {
            return 14 + random.nextInt(4);
        }
        return random.nextDouble() < 0.78 ? 18 + random.nextInt(28) : 46 + random.nextInt(30);
    }

    /** Only a release or a death has a date of its own; it always follows the disappearance. */
    private static LocalDate statusDate(
            ReportStatus status, PerpetratorCategory perpetrator, LocalDate disappearedOn, SplittableRandom random) {
        if (status == ReportStatus.RELEASED) {
            // Thousands walked out when the prisons were opened on 8 December 2024.
            if (perpetrator == PerpetratorCategory.GOVERNMENT && random.nextDouble() < 0.25) {
                return DemoDates.GOVERNMENT_FELL;
            }
            return DemoDates.after(disappearedOn, 20, 1500, random);
        }
        if (status == ReportStatus.DEAD) {
            return DemoDates.after(disappearedOn, 5, 1200, random);
        }
        return null;
    }
}
