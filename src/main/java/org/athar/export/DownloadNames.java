package org.athar.export;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.athar.chart.ChartService;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.report.Place;
import org.athar.report.Vocabulary;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.springframework.stereotype.Component;

/**
 * Builds the name of every file Athar hands out (charts, workbooks, records, the overlap workbook, briefings, the
 * audit log, rejected rows): {@code athar-<what>-<dimensions>-<main filters>-<period>-<day of download>.<ext>}, e.g.
 * {@code athar-persons-by-year-aleppo-2013-2026-12-06.png}. The ASCII name is a slug of [a-z0-9-] of at most
 * {@value #MAX_LENGTH} characters; a file in Arabic also gets its Arabic name. Free text typed in the search box is
 * never part of a name: it may be a victim's name.
 */
@Component
public class DownloadNames {

    /** Characters of a name, extension included: well under every file system's limit, also in UTF-8 Arabic. */
    public static final int MAX_LENGTH = 120;
    /** Filter values named before the name says "and more". */
    static final int MAX_FILTER_VALUES = 3;

    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    /**
     * One part of a name: its ASCII slug and its form in the file's language (hyphens for spaces); {@code own} for a
     * text that keeps its own script in any file (a briefing's title).
     */
    private record Word(String ascii, String local, boolean own) {
        Word(String ascii, String local) {
            this(ascii, local, false);
        }
    }

    private final Messages messages;
    private final Gazetteer gazetteer;
    private final Clock clock;

    /** @param clock the day of the download is read from it, in UTC */
    public DownloadNames(Messages messages, Gazetteer gazetteer, Clock clock) {
        this.messages = messages;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** A chart of the Trends page or the chart API: what it counts, by what, for which filters and period. */
    public DownloadName chart(ChartService.Spec spec, String extension) {
        Locale locale = spec.locale();
        List<Word> head =
                new ArrayList<>(List.of(app(locale), counted(spec.query().counting(), locale)));
        if (spec.kind() == ChartService.Kind.MAP) {
            head.add(word("download.name.map", locale));
        }
        head.add(
                switch (spec.kind()) {
                    case TIMELINE, BREAKDOWN -> by(locale, spec.by());
                    case CROSSTAB -> by(locale, spec.rows(), spec.columns());
                    case MAP -> by(locale, oneGovernorate(spec.query()) ? Dimension.DISTRICT : Dimension.GOVERNORATE);
                });
        return name(head, filters(spec.query(), locale), period(spec.query(), locale), extension, locale);
    }

    /** The workbook (what it counts) or the records as CSV or JSON Lines, for the filters and period. */
    public DownloadName export(ExportService.Format format, ReportQuery query, Locale locale) {
        List<Word> head = format == ExportService.Format.WORKBOOK
                ? List.of(app(locale), word("download.name.workbook", locale), counted(query.counting(), locale))
                : List.of(app(locale), word("download.name.records", locale));
        return name(head, filters(query, locale), period(query, locale), format.extension(), locale);
    }

    /** The overlap of sources, which always counts persons. */
    public DownloadName overlap(Locale locale) {
        return name(
                List.of(app(locale), word("download.name.overlap", locale), counted(Count.PERSONS, locale)),
                List.of(),
                List.of(),
                "xlsx",
                locale);
    }

    /** A briefing by its title, in the briefing's language ({@code en} or {@code ar}). */
    public DownloadName briefing(String title, String language, String extension) {
        Locale locale = Messages.supported(Locale.forLanguageTag(language == null ? "en" : language));
        Word named = new Word(slug(title), clean(title), true);
        return name(
                List.of(app(locale), word("download.name.briefing", locale), named),
                List.of(),
                List.of(),
                extension,
                locale);
    }

    /** The audit log, with the action and outcome it was filtered by (codes such as {@code export}, {@code denied}). */
    public DownloadName auditLog(Optional<String> action, Optional<String> outcome) {
        List<Word> filters = new ArrayList<>();
        action.ifPresent(a -> filters.add(new Word(slug(a), slug(a))));
        outcome.ifPresent(o -> filters.add(new Word(slug(o), slug(o))));
        return name(
                List.of(app(Messages.ENGLISH), word("download.name.audit", Messages.ENGLISH)),
                filters,
                List.of(),
                "csv",
                Messages.ENGLISH);
    }

    /** The rejected rows of one import batch. */
    public DownloadName rejectedRows(String batchId) {
        Word batch = new Word(slug(batchId), slug(batchId));
        return name(
                List.of(app(Messages.ENGLISH), word("download.name.rejected", Messages.ENGLISH), batch),
                List.of(),
                List.of(),
                "csv",
                Messages.ENGLISH);
    }

    private DownloadName name(List<Word> head, List<Word> filters, List<Word> period, String extension, Locale locale) {
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        Word today = new Word(day, day);
        String ascii = compose(
                head,
                filters,
                period,
                today,
                extension,
                Word::ascii,
                word("download.name.more", locale).ascii());
        boolean arabic = Messages.isRightToLeft(locale);
        // A title in plain ASCII needs no second name; one with accents or in Arabic keeps its script.
        boolean ownScript = head.stream().anyMatch(w -> w.own() && !ascii(w.local()));
        Function<Word, String> localForm =
                arabic ? Word::local : w -> w.own() && !ascii(w.local()) ? w.local() : w.ascii();
        String local = arabic || ownScript
                ? compose(
                        head,
                        filters,
                        period,
                        today,
                        extension,
                        localForm,
                        arabic
                                ? word("download.name.more", locale).local()
                                : word("download.name.more", locale).ascii())
                : ascii;
        return new DownloadName(ascii, local);
    }

    /**
     * Joins the parts with hyphens; while the name is too long it names fewer filters (and says "and more"), then
     * cuts the head (a long briefing title) at a hyphen. The day and the extension are always kept.
     */
    private static String compose(
            List<Word> head,
            List<Word> filters,
            List<Word> period,
            Word today,
            String extension,
            Function<Word, String> form,
            String more) {
        List<String> named =
                filters.stream().map(form).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        boolean cut = named.size() > MAX_FILTER_VALUES;
        while (named.size() > MAX_FILTER_VALUES) {
            named.remove(named.size() - 1);
        }
        String start = join(head.stream().map(form).toList());
        String tail = join(period.stream().map(form).toList());
        tail = join(List.of(tail, form.apply(today))) + "." + extension;
        String name = join(List.of(start, join(named), cut ? more : "")) + "-" + tail;
        while (name.length() > MAX_LENGTH && !named.isEmpty()) {
            named.remove(named.size() - 1);
            name = join(List.of(start, join(named), more)) + "-" + tail;
        }
        if (name.length() > MAX_LENGTH) {
            String rest = name.substring(start.length());
            int room = MAX_LENGTH - rest.length();
            String shortened = start.substring(0, Math.max(0, room));
            int hyphen = shortened.lastIndexOf('-');
            name = (hyphen > 0 ? shortened.substring(0, hyphen) : shortened) + rest;
        }
        String base = name.substring(0, name.indexOf('.'));
        return RESERVED.matcher(base).matches() ? "athar-" + name : name;
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static String join(List<String> parts) {
        return parts.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("-"));
    }

    /** The main filters in a fixed order; never the free text. */
    private List<Word> filters(ReportQuery q, Locale locale) {
        List<Word> out = new ArrayList<>();
        places(out, q.governorates(), locale);
        places(out, q.districts(), locale);
        vocabulary(out, q.perpetrators(), locale);
        vocabulary(out, q.statuses(), locale);
        vocabulary(out, q.genders(), locale);
        vocabulary(out, q.ageGroups(), locale);
        q.sources().stream().sorted().forEach(s -> out.add(new Word(slug(s), clean(s))));
        q.hasLocation().ifPresent(h -> out.add(word("search.has_location." + h, locale)));
        vocabulary(out, q.consents(), locale);
        q.shareWith().ifPresent(r -> out.add(new Word(slug(r), clean(r))));
        return out;
    }

    private void places(List<Word> out, Collection<String> pcodes, Locale locale) {
        pcodes.stream()
                .sorted(Comparator.comparing((String p) -> Place.UNKNOWN.equals(p))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(p -> out.add(
                        Place.UNKNOWN.equals(p)
                                ? word("download.name.unknown-place", locale)
                                : new Word(
                                        slug(gazetteer.label(p, Messages.ENGLISH)),
                                        clean(gazetteer.label(p, locale)))));
    }

    private <T extends Enum<T> & Vocabulary> void vocabulary(List<Word> out, Collection<T> values, Locale locale) {
        values.stream()
                .sorted()
                .forEach(v -> out.add(new Word(slug(v.code()), clean(messages.get(v.messageKey(), locale)))));
    }

    /** {@code 2013}, {@code 2013-to-2015}, {@code 2013-03}, {@code from-2014-06-02}: as coarse as the dates allow. */
    private List<Word> period(ReportQuery q, Locale locale) {
        Optional<String> from = q.from().map(d -> start(d));
        Optional<String> to = q.to().map(d -> end(d));
        if (from.isPresent() && to.isPresent()) {
            return List.of(
                    from.get().equals(to.get())
                            ? new Word(from.get(), from.get())
                            : word("download.name.between", locale, from.get(), to.get()));
        }
        return from.map(f -> List.of(word("download.name.from", locale, f)))
                .or(() -> to.map(t -> List.of(word("download.name.to", locale, t))))
                .orElse(List.of());
    }

    private static String start(LocalDate d) {
        return d.getDayOfYear() == 1
                ? String.valueOf(d.getYear())
                : d.getDayOfMonth() == 1 ? d.toString().substring(0, 7) : d.toString();
    }

    private static String end(LocalDate d) {
        return d.equals(d.with(TemporalAdjusters.lastDayOfYear()))
                ? String.valueOf(d.getYear())
                : d.equals(d.with(TemporalAdjusters.lastDayOfMonth()))
                        ? d.toString().substring(0, 7)
                        : d.toString();
    }

    private static boolean oneGovernorate(ReportQuery q) {
        return q.governorates().size() == 1 && !q.governorates().contains(Place.UNKNOWN);
    }

    private Word app(Locale locale) {
        return new Word("athar", clean(messages.get("app.name", locale)));
    }

    private Word counted(Count count, Locale locale) {
        return word("download.name." + count.code(), locale);
    }

    private Word by(Locale locale, Dimension... dimensions) {
        String key = dimensions.length == 1 ? "download.name.by" : "download.name.by.two";
        Object[] ascii = Arrays.stream(dimensions).map(Dimension::parameter).toArray();
        Object[] local = Arrays.stream(dimensions)
                .map(d -> messages.get("chart.dimension." + d.parameter(), locale))
                .toArray();
        return new Word(slug(messages.get(key, Messages.ENGLISH, ascii)), clean(messages.get(key, locale, local)));
    }

    /** A bundle text: slugged from English, and in the file's language. */
    private Word word(String key, Locale locale, Object... params) {
        return new Word(slug(messages.get(key, Messages.ENGLISH, params)), clean(messages.get(key, locale, params)));
    }

    /** Lower-case ASCII letters and digits joined by single hyphens; accents dropped, apostrophes removed. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replaceAll("['’ʼ`]", "")
                .toLowerCase(Locale.ROOT);
        return trim(NOT_SLUG.matcher(plain).replaceAll("-"));
    }

    /** Letters, marks and digits of any script joined by single hyphens: no separators, quotes or controls. */
    static String clean(String text) {
        String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        return trim(NOT_WORD.matcher(nfc).replaceAll("-"));
    }

    private static String trim(String text) {
        return text.replaceAll("^-+|-+$", "");
    }
}
