package org.athar.linkage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Report;
import org.athar.report.ReportStatus;

/**
 * What linkage compares of one report, small enough to hold a million in memory: the cross-script skeletons of the
 * name's words (from the name as written and from its Latin spelling, both cut into parts the same way: {@link NameParts}),
 * their spelling keys, gender, age, the disappearance interval, place codes, perpetrator and status. {@code age} is -1 and the dates {@code null} when unknown.
 */
public record LinkRecord(
        String id,
        String source,
        List<String> name,
        List<String> vowels,
        List<String> latin,
        Gender gender,
        int age,
        LocalDate dateStart,
        LocalDate dateEnd,
        DatePrecision precision,
        String governorate,
        String district,
        PerpetratorCategory perpetrator,
        ReportStatus status) {

    public LinkRecord {
        name = List.copyOf(name);
        vowels = vowels.size() == name.size() ? List.copyOf(vowels) : List.of();
        latin = List.copyOf(latin);
    }

    /** A record whose name's long vowels are not known (no Arabic refinement). */
    public LinkRecord(
            String id,
            String source,
            List<String> name,
            List<String> latin,
            Gender gender,
            int age,
            LocalDate dateStart,
            LocalDate dateEnd,
            DatePrecision precision,
            String governorate,
            String district,
            PerpetratorCategory perpetrator,
            ReportStatus status) {
        this(
                id,
                source,
                name,
                List.of(),
                latin,
                gender,
                age,
                dateStart,
                dateEnd,
                precision,
                governorate,
                district,
                perpetrator,
                status);
    }

    public static LinkRecord of(Report r) {
        return new LinkRecord(
                r.id(),
                r.source(),
                words(r.victim().name()),
                vowels(r.victim().name()),
                r.victim().nameLatin().map(LinkRecord::words).orElse(List.of()),
                r.victim().gender(),
                r.victim().age().orElse(-1),
                r.disappearance().date().orElse(null),
                r.disappearance().dateEnd().orElse(null),
                r.disappearance().precision(),
                r.place().governorate(),
                r.place().district(),
                r.perpetrator().category(),
                r.status());
    }

    /**
     * The spelling key of each of the name's words, word for word beside {@link #words(String)}: for Arabic letters
     * the skeleton with the long vowels و and ي kept, since two Arabic spellings with the same skeleton but other
     * long vowels are different names (محمد/محمود, حسن/حسين, رنا/روان); for a Latin spelling of a {@link KnownNames
     * known name} ("Mahmoud") the key of that name's Arabic letters; {@code ""} where the spelling is unknown. Empty
     * when no word has a key. See {@link NameParts#keys(String)}.
     */
    static List<String> vowels(String name) {
        return NameParts.keys(name);
    }

    /** The name's parts as cross-script skeleton words ({@link NameParts#words(String)}). */
    static List<String> words(String name) {
        return NameParts.words(name);
    }

    public Optional<LocalDate> date() {
        return Optional.ofNullable(dateStart);
    }
}
