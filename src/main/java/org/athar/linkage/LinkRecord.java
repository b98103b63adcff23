package org.athar.linkage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.NameSkeleton;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Report;
import org.athar.report.ReportStatus;

/**
 * What linkage compares of one report, small enough to hold a million in memory: the cross-script skeletons of the
 * name's words (from the name as written and from its Latin spelling, "Abd" compounds joined: {@link NameParts}), gender, age, the disappearance interval,
 * place codes, perpetrator and status. {@code age} is -1 and the dates {@code null} when unknown.
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
     * For a name in Arabic letters, its skeleton words with the long vowels و and ي kept, word for word beside
     * {@link #name()}: two Arabic spellings with the same skeleton but other long vowels are different names
     * (محمد/محمود, حسن/حسين, رنا/روان), which a Latin spelling cannot tell. Empty for other names, or when the words
     * do not line up.
     */
    static List<String> vowels(String name) {
        if (name.chars().noneMatch(c -> c >= 0x0600 && c <= 0x06FF)) {
            return List.of();
        }
        List<String> kept = words(name.replace('ى', 'ψ').replace('ي', 'ψ').replace('و', 'ω'));
        return kept;
    }

    static List<String> words(String name) {
        String skeleton = NameSkeleton.of(name);
        return skeleton.isEmpty() ? List.of() : NameParts.normalised(List.of(skeleton.split(" ")));
    }

    public Optional<LocalDate> date() {
        return Optional.ofNullable(dateStart);
    }
}
