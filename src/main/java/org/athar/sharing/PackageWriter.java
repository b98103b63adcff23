package org.athar.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.athar.dataset.DataSetFacts;
import org.athar.export.SummaryWorkbook;
import org.athar.i18n.Messages;
import org.athar.ingest.Columns;
import org.athar.report.Gazetteer;
import org.athar.report.Report;
import org.athar.report.ReportJson;
import org.athar.search.ReportQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the ZIP of one package (not its encryption): the reports matching the filters that are shareable with the
 * recipient, streamed from one point-in-time, as README.txt, reports.jsonl, reports.csv, summary.xlsx and
 * manifest.json (last, with every other file's SHA-256). Nothing it holds grows with the number of reports: the
 * records are read twice from the same point-in-time (JSONL, then CSV) and only counts are kept. The format is in
 * docs/sharing.md.
 */
@Component
public class PackageWriter {

    static final int SCHEMA_VERSION = 1;

    private final ShareableReports store;
    private final Pseudonyms pseudonyms;
    private final InstallationKey sender;
    private final DataVersion dataVersion;
    private final PackageTexts texts;
    private final SummaryWorkbook summary;
    private final ObjectMapper json = ReportJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectMapper lines = ReportJson.newMapper();

    /** The data version a manifest names: the id of the last import batch, empty before any. */
    @FunctionalInterface
    interface DataVersion {
        Optional<String> last() throws IOException;
    }

    @Autowired
    PackageWriter(
            ShareableReportStore store,
            Pseudonyms pseudonyms,
            InstallationKey sender,
            DataSetFacts facts,
            Messages messages,
            Gazetteer gazetteer) {
        this(store, pseudonyms, sender, facts::lastBatchId, messages, gazetteer);
    }

    /** A writer reading from {@code store}, which may be a synthetic selection: the heap test runs without engine. */
    PackageWriter(
            ShareableReports store,
            Pseudonyms pseudonyms,
            InstallationKey sender,
            DataVersion dataVersion,
            Messages messages,
            Gazetteer gazetteer) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.sender = sender;
        this.dataVersion = dataVersion;
        this.texts = new PackageTexts(messages, sender);
        this.summary = new SummaryWorkbook(messages, gazetteer);
    }

    /**
     * Writes the package to {@code zip} (left open); hands each written report's document id to {@code sentIds} and
     * the running count to {@code progress}. Failures to read or write are {@link UncheckedIOException}s.
     */
    public PackageContents write(OutputStream zip, PackageSpec spec, Consumer<String> sentIds, LongConsumer progress) {
        try {
            String dataVersion = this.dataVersion.last().orElse("");
            return store.select(spec.query(), spec.recipient().name(), selection -> {
                long shareable = selection.shareable();
                Withheld withheld = selection.withheld();
                boolean pseudonymised = spec.recipient().fields() == RecipientFields.PSEUDONYMISED;
                PackageRecords records = new PackageRecords(pseudonymised);
                PackageTally tally = new PackageTally();
                PackageZip out = new PackageZip(zip);
                out.add("README.txt", w -> text(w, texts.readme(spec, shareable, withheld)));
                out.add("reports.jsonl", w -> {
                    Writer writer = writer(w);
                    selection.forEach(r -> {
                        String id = idFor(spec.recipient(), r);
                        line(writer, records.record(r, id));
                        tally.add(r);
                        sentIds.accept(r.id());
                        if (tally.total() % 1000 == 0) {
                            progress.accept(tally.total());
                        }
                    });
                    writer.flush();
                });
                progress.accept(tally.total());
                long[] rows = {0};
                out.add("reports.csv", w -> csv(w, selection, records, spec.recipient(), rows));
                if (rows[0] != tally.total() || tally.total() != shareable) {
                    throw new IOException("the engine handed over " + tally.total() + " reports, then " + rows[0]
                            + " (counted " + shareable + ") from one point-in-time; send the package again");
                }
                out.add(
                        "summary.xlsx",
                        w -> summary.write(
                                tally.summary(), texts.about(spec, tally.total(), dataVersion), List.of(), w));
                ObjectNode manifest = manifest(
                        "package",
                        spec.packageId(),
                        spec.createdAt().toString(),
                        spec.createdBy(),
                        spec.recipient(),
                        tally.total());
                manifest.put("filter", spec.filter());
                manifest.put("dataVersion", dataVersion);
                ObjectNode held = manifest.putObject("withheld");
                held.put("noConsent", withheld.noConsent());
                held.put("unknownConsent", withheld.unknownConsent());
                held.put("otherRecipients", withheld.otherRecipients());
                counts(manifest.putObject("countsByGovernorate"), tally.byGovernorate());
                counts(manifest.putObject("countsByYear"), tally.byYear());
                finish(out, manifest);
                return new PackageContents(tally.total(), withheld, out.files());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the package could not be written: " + e.getMessage(), e);
        }
    }

    /** Writes a withdrawal notice to {@code zip} (left open): README.txt, withdrawal.json, manifest.json. */
    public PackageContents writeWithdrawal(OutputStream zip, WithdrawalSpec spec) {
        try {
            PackageZip out = new PackageZip(zip);
            List<String> ids = spec.reportIds().stream()
                    .map(id -> spec.recipient().fields() == RecipientFields.PSEUDONYMISED
                            ? pseudonyms.of(spec.recipient(), id)
                            : id)
                    .distinct()
                    .toList();
            out.add("README.txt", w -> text(w, texts.withdrawalReadme(spec)));
            ObjectNode notice = json.createObjectNode();
            notice.put("schemaVersion", SCHEMA_VERSION);
            notice.put("packageId", spec.packageId());
            notice.put("reason", spec.reason());
            ArrayNode list = notice.putArray("reportIds");
            ids.forEach(list::add);
            notice.put("createdAt", spec.createdAt().toString());
            out.add("withdrawal.json", w -> json.writeValue(nonClosing(w), notice));
            ObjectNode manifest = manifest(
                    "withdrawal",
                    spec.packageId(),
                    spec.createdAt().toString(),
                    spec.createdBy(),
                    spec.recipient(),
                    ids.size());
            finish(out, manifest);
            return new PackageContents(ids.size(), Withheld.NONE, out.files());
        } catch (IOException e) {
            throw new UncheckedIOException("the withdrawal notice could not be written: " + e.getMessage(), e);
        }
    }

    /** How many reports a package to {@code recipient} with these filters would carry, and hold back, now. */
    public SharePreview preview(Recipient recipient, ReportQuery query) {
        try {
            return store.preview(query, recipient.name());
        } catch (IOException e) {
            throw new UncheckedIOException("the reports to share could not be counted: " + e.getMessage(), e);
        }
    }

    private String idFor(Recipient recipient, Report report) {
        return recipient.fields() == RecipientFields.PSEUDONYMISED
                ? pseudonyms.of(recipient, report.id())
                : report.id();
    }

    private ObjectNode manifest(
            String kind, String packageId, String createdAt, String createdBy, Recipient recipient, long reports) {
        ObjectNode m = json.createObjectNode();
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("kind", kind);
        m.put("packageId", packageId);
        m.put("createdAt", createdAt);
        m.put("createdBy", createdBy);
        ObjectNode from = m.putObject("sender");
        from.put("name", texts.senderName());
        from.put("fingerprint", sender.fingerprint());
        ObjectNode to = m.putObject("recipient");
        to.put("name", recipient.name());
        to.put("fingerprint", recipient.fingerprint());
        to.put("fields", recipient.fields().code());
        m.put("reports", reports);
        return m;
    }

    // The manifest goes last: it lists every other entry with its size and SHA-256, and the method note.
    private void finish(PackageZip out, ObjectNode manifest) throws IOException {
        ArrayNode files = manifest.putArray("files");
        for (FileEntry f : out.files()) {
            ObjectNode entry = files.addObject();
            entry.put("name", f.name());
            entry.put("bytes", f.bytes());
            entry.put("sha256", f.sha256());
        }
        ObjectNode method = manifest.putObject("methodNote");
        method.put("en", texts.methodNote(Messages.ENGLISH));
        method.put("ar", texts.methodNote(Messages.ARABIC));
        out.add("manifest.json", w -> json.writeValue(nonClosing(w), manifest));
        out.finish();
    }

    private static void counts(ObjectNode node, Map<String, Long> counts) {
        counts.forEach(node::put);
    }

    private void csv(
            OutputStream w,
            ShareableReports.Selection selection,
            PackageRecords records,
            Recipient recipient,
            long[] rows)
            throws IOException {
        Writer writer = writer(w);
        // As the CSV export: a byte order mark so Excel reads Arabic, RFC 4180, English import headers.
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(Columns.CANONICAL);
        selection.forEach(r -> {
            try {
                csv.printRecord(records.row(r, idFor(recipient, r)));
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private void line(Writer writer, ObjectNode record) {
        try {
            writer.write(lines.writeValueAsString(record));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(OutputStream w, String text) throws IOException {
        Writer writer = writer(w);
        writer.write(text);
        writer.flush();
    }

    private static Writer writer(OutputStream w) {
        return new BufferedWriter(new OutputStreamWriter(w, StandardCharsets.UTF_8), 1 << 16);
    }

    private static OutputStream nonClosing(OutputStream w) {
        return new java.io.FilterOutputStream(w) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
