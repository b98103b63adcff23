package org.athar.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Who one demo report is about, for measuring record linkage: reports with the same {@code person} describe the same
 * invented person, all others do not. The truth file holds {@link #HEADER} only; the in-memory record also says
 * which {@link DemoVariant}s (and, in the second evaluation set, {@link DemoExtraVariant}s) the report was written
 * with and, for a deliberate look-alike, whose brother or namesake the person is ({@code relatedPerson}, empty for
 * {@link Relation#NONE}).
 */
public record DemoTruth(
        String source,
        String reportId,
        String person,
        Set<DemoVariant> variants,
        Relation relation,
        String relatedPerson,
        Set<DemoExtraVariant> extraVariants) {

    /** How the person was made: drawn afresh, or as a hard negative modelled on an earlier person. */
    public enum Relation {
        NONE,
        /** Same father's and family name and governorate as {@code relatedPerson}, another first name. */
        BROTHER,
        /**
         * The same three names as {@code relatedPerson}: in another governorate in the own set, in the same one for
         * some in the second set.
         */
        NAMESAKE
    }

    /** The columns of the truth file, in order. */
    public static final List<String> HEADER = List.of("source", "report_id", "person");

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

    public DemoTruth {
        variants = variants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(variants));
        extraVariants = extraVariants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extraVariants));
    }

    /** A report without {@link DemoExtraVariant}s (the own set). */
    public DemoTruth(
            String source,
            String reportId,
            String person,
            Set<DemoVariant> variants,
            Relation relation,
            String relatedPerson) {
        this(source, reportId, person, variants, relation, relatedPerson, Set.of());
    }

    /** A sink writing the truth file to {@code out}: the header at once, then a line per report; not closed. */
    public static TruthFile writingTo(Writer out) {
        return new TruthFile(out);
    }

    /** The lines of a truth file (variants and relation are not in the file: empty and {@code NONE}). */
    public static List<DemoTruth> read(Reader in) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = format.parse(in)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new IOException(
                        "not a demo truth file: the header is " + parser.getHeaderNames() + ", expected " + HEADER);
            }
            return parser.stream().map(DemoTruth::fromLine).toList();
        }
    }

    private static DemoTruth fromLine(CSVRecord line) {
        return new DemoTruth(line.get(0), line.get(1), line.get(2), Set.of(), Relation.NONE, "");
    }

    /** Writes one line per report after the header; {@link #flush()} before reading what was written. */
    public static final class TruthFile implements Consumer<DemoTruth> {
        private final CSVPrinter printer;

        private TruthFile(Writer out) {
            try {
                printer = new CSVPrinter(out, FORMAT); // not closed: that would close the caller's writer
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void accept(DemoTruth truth) {
            try {
                printer.printRecord(truth.source(), truth.reportId(), truth.person());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }
}
