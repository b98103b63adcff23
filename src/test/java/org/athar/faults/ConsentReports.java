package org.athar.faults;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.athar.demo.DemoDataGenerator;
import org.athar.report.Report;

/**
 * The synthetic import file of the sharing round trip: demo rows (invented names and invented organisations, see
 * DemoNames and DemoSource) with the four consent columns added, the consent drawn from its own seeded shuffle.
 * Of 10,000 reports 8,000 say yes to "Athar B" (by {@code any}, by its name alone, with "Partner C", or spelled
 * "athar b" next to another partner), 1,200 say no and 800 are unknown; no and unknown rows sometimes name "any",
 * which must not make them shareable.
 */
record ConsentReports(Path path, List<Row> rows) {

    /** How a row's consent reads; {@code shareWith} is the cell as written. */
    enum Kind {
        ANY("yes", "any", 4_000),
        B_ONLY("yes", "Athar B", 2_000),
        C_AND_B("yes", "Partner C;Athar B", 1_000),
        B_SPELLED_DIFFERENTLY_AND_E("yes", " athar b ; Partner E", 1_000),
        NO_BUT_ANY("no", "any", 600),
        NO("no", "", 600),
        UNKNOWN_EMPTY_BUT_ANY("", "any", 200),
        UNKNOWN_EMPTY("", "", 200),
        UNKNOWN_WORD("unknown", "", 400);

        final String consent;
        final String shareWith;
        final int rows;

        Kind(String consent, String shareWith, int rows) {
            this.consent = consent;
            this.shareWith = shareWith;
            this.rows = rows;
        }

        boolean yes() {
            return consent.equals("yes");
        }

        /** Whether a recipient registered under {@code name} may receive the row (the rule of issue 21). */
        boolean sharedWith(String name) {
            if (!yes()) {
                return false;
            }
            for (String n : shareWith.split(";")) {
                String folded = n.strip().toLowerCase(java.util.Locale.ROOT);
                if (folded.equals("any") || folded.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One report as A holds it: its document id at A is {@link #docId()}. */
    record Row(String source, String reportId, String victimName, String victimNameLatin, Kind kind) {

        String docId() {
            return Report.idFor(source, reportId);
        }
    }

    static final int TOTAL = 10_000;
    private static final long CONSENT_SEED = 21L;

    static ConsentReports write(Path dir) throws IOException {
        StringWriter demo = new StringWriter();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(demo, TOTAL);
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            kinds.addAll(Collections.nCopies(k.rows, k));
        }
        if (kinds.size() != TOTAL) {
            throw new IllegalStateException("the consent kinds add up to " + kinds.size() + ", not " + TOTAL);
        }
        Collections.shuffle(kinds, new Random(CONSENT_SEED));

        // The demo file may carry consent columns of its own (drawn for the demo): this file's consent replaces them.
        List<String> consentColumns = List.of("consent_to_share", "share_with", "consent_date", "consent_note");
        List<String> demoColumns = DemoDataGenerator.HEADER.stream()
                .filter(c -> !consentColumns.contains(c))
                .toList();
        List<String> header = new ArrayList<>(demoColumns);
        header.addAll(consentColumns);
        Path out = dir.resolve("sharing-reports-" + TOTAL + ".csv");
        List<Row> rows = new ArrayList<>(TOTAL);
        Set<String> keys = new HashSet<>();
        CSVFormat in = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get();
        try (Reader r = new StringReader(demo.toString());
                CSVParser parser = in.parse(r);
                Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, format)) {
            int i = 0;
            for (CSVRecord record : parser) {
                Kind kind = kinds.get(i);
                Row row = new Row(
                        record.get("source"),
                        record.get("report_id"),
                        record.get("victim_name"),
                        record.get("victim_name_latin"),
                        kind);
                if (!keys.add(row.docId())) {
                    throw new IllegalStateException(
                            "the demo generator repeated " + row.source() + " " + row.reportId());
                }
                rows.add(row);
                List<String> values = new ArrayList<>();
                demoColumns.forEach(c -> values.add(record.get(c)));
                values.add(kind.consent);
                values.add(kind.shareWith);
                values.add(kind.yes() ? "2024-05-" + String.format("%02d", 1 + i % 28) : "");
                // The note names the person, as documenters' notes do: a pseudonymised package must drop it.
                values.add(kind.yes() ? "Synthetic consent note: the family of " + row.victimName() + " agreed" : "");
                printer.printRecord(values);
                i++;
            }
            if (i != TOTAL) {
                throw new IllegalStateException("the demo generator wrote " + i + " rows, not " + TOTAL);
            }
        }
        return new ConsentReports(out, List.copyOf(rows));
    }

    List<Row> rows(Predicate<Row> which) {
        return rows.stream().filter(which).toList();
    }

    /** The document ids at A of the rows that may go to the recipient registered as {@code name}. */
    Set<String> idsSharedWith(String name) {
        return rows.stream()
                .filter(r -> r.kind().sharedWith(name))
                .map(Row::docId)
                .collect(Collectors.toUnmodifiableSet());
    }

    long count(Kind... kinds) {
        Set<Kind> wanted = Set.of(kinds);
        return rows.stream().filter(r -> wanted.contains(r.kind())).count();
    }
}
