package org.athar.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;
import org.athar.report.District;
import org.athar.report.Gazetteer;
import org.athar.report.Governorate;
import org.athar.report.PerpetratorCategory;
import org.athar.search.Dimension;

/**
 * Hand-built synthetic statistics, as the analytics service would return them, in English or Arabic. Each holds a
 * suppressed figure and (where the dimension has one) an unknown bucket. No count here is real.
 */
final class ChartFixtures {

    static final int K = 5;
    static final Messages MESSAGES = new Messages();
    static final Gazetteer GAZETTEER = Gazetteer.load();
    /** Governorate counts by p-code order SY01..SY14; SY05 (Hama) is suppressed, SY13 (Quneitra) has none. */
    static final long[] GOVERNORATE_COUNTS = {1204, 2310, 388, 975, -1, 1460, 812, 640, 77, 21, 153, 96, 0, 12};

    static final long UNKNOWN_GOVERNORATE = 58;
    static final long IMPRECISE = 326;

    private ChartFixtures() {}

    static Breakdown governorates(Locale locale) {
        List<Bucket> buckets = new ArrayList<>();
        List<Governorate> all = GAZETTEER.governorates();
        for (int i = 0; i < all.size(); i++) {
            if (GOVERNORATE_COUNTS[i] == 0) {
                continue; // a governorate without reports has no bucket, as an aggregation returns it
            }
            buckets.add(new Bucket(
                    all.get(i).pcode(), GAZETTEER.label(all.get(i).pcode(), locale), count(GOVERNORATE_COUNTS[i])));
        }
        buckets.add(new Bucket(Heading.UNKNOWN, unknown(locale), OptionalLong.of(UNKNOWN_GOVERNORATE)));
        return new Breakdown(
                Dimension.GOVERNORATE, DisclosureProfile.PUBLIC, OptionalLong.empty(), OptionalLong.of(0), buckets);
    }

    /** Aleppo's districts: one suppressed (Afrin), one without reports (Jarablus), 9 of unknown district. */
    static Breakdown aleppoDistricts(Locale locale) {
        long[] counts = {940, 310, -1, 122, 201, 88, 45, 0};
        List<District> districts = GAZETTEER.districts().stream()
                .filter(d -> d.governoratePcode().equals("SY02"))
                .toList();
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < districts.size(); i++) {
            buckets.add(new Bucket(
                    districts.get(i).pcode(), GAZETTEER.label(districts.get(i).pcode(), locale), count(counts[i])));
        }
        buckets.add(new Bucket(Heading.UNKNOWN, unknown(locale), OptionalLong.of(9)));
        return new Breakdown(
                Dimension.DISTRICT, DisclosureProfile.PUBLIC, OptionalLong.empty(), OptionalLong.of(0), buckets);
    }

    /** 2011-01 to 2016-12, with March 2011 suppressed; {@link #IMPRECISE} reports not placeable by month. */
    static Breakdown months(Locale locale) {
        List<Bucket> buckets = new ArrayList<>();
        for (int year = 2011; year <= 2016; year++) {
            for (int month = 1; month <= 12; month++) {
                long n = Math.round(40 + 35 * Math.sin((year - 2011) * 1.3 + month / 2.0) + (year - 2011) * 9);
                boolean suppressed = year == 2011 && month == 3;
                buckets.add(new Bucket(
                        String.format(Locale.ROOT, "%d-%02d", year, month),
                        MESSAGES.get("month." + month, locale) + " " + year,
                        suppressed ? OptionalLong.empty() : OptionalLong.of(Math.max(0, n))));
            }
        }
        return new Breakdown(
                Dimension.MONTH, DisclosureProfile.PUBLIC, OptionalLong.empty(), OptionalLong.of(IMPRECISE), buckets);
    }

    /** 2011 to 2024 with 2024 suppressed; 41 reports of unknown date. */
    static Breakdown years(Locale locale) {
        long[] counts = {820, 2950, 2410, 1730, 1302, 990, 640, 512, 388, 240, 190, 160, 85, -1};
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Bucket(String.valueOf(2011 + i), String.valueOf(2011 + i), count(counts[i])));
        }
        return new Breakdown(
                Dimension.YEAR, DisclosureProfile.PUBLIC, OptionalLong.empty(), OptionalLong.of(41), buckets);
    }

    /** Alleged perpetrators with a suppressed one (other) and an unknown bucket. */
    static Breakdown perpetrators(Locale locale) {
        long[] counts = {6120, 1480, 630, 905, 312, -1, 1210};
        List<Bucket> buckets = new ArrayList<>();
        PerpetratorCategory[] all = PerpetratorCategory.values();
        for (int i = 0; i < all.length; i++) {
            buckets.add(new Bucket(all[i].code(), MESSAGES.get(all[i].messageKey(), locale), count(counts[i])));
        }
        return new Breakdown(
                Dimension.PERPETRATOR, DisclosureProfile.PUBLIC, OptionalLong.empty(), OptionalLong.of(0), buckets);
    }

    /** Years 2011–2016 by alleged perpetrator (four columns and unknown), with one suppressed cell and total. */
    static CrossTab yearsByPerpetrator(Locale locale) {
        List<PerpetratorCategory> columns = List.of(
                PerpetratorCategory.GOVERNMENT,
                PerpetratorCategory.ISIS,
                PerpetratorCategory.HTS,
                PerpetratorCategory.SDF,
                PerpetratorCategory.UNKNOWN);
        long[][] cells = {
            {700, 0, 20, 0, 100},
            {2100, 310, 180, 40, 320},
            {1500, 520, 160, 60, 170},
            {900, 480, 95, 80, 175},
            {640, 290, 80, 120, 172},
            {420, 180, 60, 150, -1}
        };
        List<Heading> rows = new ArrayList<>();
        List<List<OptionalLong>> grid = new ArrayList<>();
        List<OptionalLong> rowTotals = new ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            rows.add(new Heading(String.valueOf(2011 + r), String.valueOf(2011 + r)));
            grid.add(LongStream.of(cells[r]).mapToObj(ChartFixtures::count).toList());
            boolean hidden = LongStream.of(cells[r]).anyMatch(c -> c < 0);
            rowTotals.add(
                    hidden
                            ? OptionalLong.empty()
                            : OptionalLong.of(LongStream.of(cells[r]).sum()));
        }
        List<OptionalLong> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            boolean hidden = java.util.Arrays.stream(cells).anyMatch(row -> row[column] < 0);
            columnTotals.add(
                    hidden
                            ? OptionalLong.empty()
                            : OptionalLong.of(java.util.Arrays.stream(cells)
                                    .mapToLong(row -> row[column])
                                    .sum()));
        }
        List<Heading> headings = columns.stream()
                .map(p -> new Heading(p.code(), MESSAGES.get(p.messageKey(), locale)))
                .toList();
        return new CrossTab(
                Dimension.YEAR,
                Dimension.PERPETRATOR,
                DisclosureProfile.PUBLIC,
                rows,
                headings,
                grid,
                rowTotals,
                columnTotals,
                OptionalLong.empty(),
                OptionalLong.of(41));
    }

    /** Four governorates by gender: horizontal stacked bars. */
    static CrossTab governoratesByGender(Locale locale) {
        List<String> pcodes = List.of("SY02", "SY03", "SY07", "SY01");
        long[][] cells = {{1900, 380, 30}, {330, 52, -1}, {700, 104, 8}, {1010, 190, 4}};
        List<Heading> rows = pcodes.stream()
                .map(p -> new Heading(p, GAZETTEER.label(p, locale)))
                .toList();
        List<Heading> columns = List.of(
                new Heading("male", MESSAGES.get("vocab.gender.male", locale)),
                new Heading("female", MESSAGES.get("vocab.gender.female", locale)),
                new Heading(Heading.UNKNOWN, MESSAGES.get("vocab.gender.unknown", locale)));
        List<List<OptionalLong>> grid = java.util.Arrays.stream(cells)
                .map(r -> LongStream.of(r).mapToObj(ChartFixtures::count).toList())
                .toList();
        List<OptionalLong> rowTotals = java.util.Arrays.stream(cells)
                .map(r -> LongStream.of(r).anyMatch(c -> c < 0)
                        ? OptionalLong.empty()
                        : OptionalLong.of(LongStream.of(r).sum()))
                .toList();
        List<OptionalLong> columnTotals = List.of(OptionalLong.of(3940), OptionalLong.of(726), OptionalLong.empty());
        return new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.GENDER,
                DisclosureProfile.PUBLIC,
                rows,
                columns,
                grid,
                rowTotals,
                columnTotals,
                OptionalLong.empty(),
                OptionalLong.of(0));
    }

    static ChartText text(String title, Locale locale) {
        ChartTexts texts = new ChartTexts(MESSAGES, GAZETTEER);
        return new ChartText(
                title,
                Optional.of(texts.queryDescription().describe(org.athar.search.ReportQuery.all(), locale)),
                List.of(),
                texts.caveat(locale),
                texts.footer(new ChartTexts.Footer(List.of("SNHR", "VDC"), LocalDate.of(2026, 11, 29), true), locale));
    }

    private static String unknown(Locale locale) {
        return MESSAGES.get("search.unknown", locale);
    }

    private static OptionalLong count(long n) {
        return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
