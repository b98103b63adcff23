package org.athar.sharing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.athar.i18n.Messages;
import org.athar.report.Consent;
import org.athar.report.ConsentState;
import org.athar.report.Disappearance;
import org.athar.report.Gazetteer;
import org.athar.report.Place;
import org.athar.report.Report;
import org.athar.report.ReportDate;
import org.athar.report.ReportJsonTest;
import org.athar.report.Victim;
import org.athar.search.ReportQuery;

/**
 * Writes one sealed package of N synthetic reports (every field set, varied ids, governorates and years, consent to
 * share with anyone), the reports made one at a time as the selection hands them over, twice (reports.jsonl, then
 * reports.csv) as the engine's point-in-time does, through {@link PackageWriter} into {@link OpenPgp#seal} and a file.
 * Prints rows per second, the file's size and the peak heap. Run in a JVM with a small heap ({@code -Xmx256m}) by
 * {@link PackageStreamingTest}: if the writer or the encryption held the reports, it would stop with an
 * OutOfMemoryError. The recipient's secret key and the sender's public key are written next to the package so the
 * test (or {@code gpg --import}) can open it.
 * <p>{@code java -Xmx256m -cp <test classpath> org.athar.sharing.PackageStreamingMain <rows> <dir>}
 */
public final class PackageStreamingMain {

    static final String PACKAGE_ID = "20261206120000-5a5b5c5d";
    static final String PACKAGE = "athar-package-" + PACKAGE_ID + ".pgp";
    static final String RECIPIENT_SECRET = "recipient-secret.asc";
    static final String SENDER_PUBLIC = "sender-public.asc";
    static final String SOURCE = "Streaming Test Org";
    static final String DATA_VERSION = "20261206110000-0a0b0c0d";
    static final Withheld WITHHELD = new Withheld(3, 2, 1);

    private PackageStreamingMain() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        InstallationKey sender = InstallationKey.generate("Athar streaming sender");
        InstallationKey partner = InstallationKey.generate("Streaming Partner");
        Files.writeString(dir.resolve(RECIPIENT_SECRET), partner.privateKeyArmoured(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(SENDER_PUBLIC), sender.publicKeyArmoured(), StandardCharsets.US_ASCII);
        PartnerKey to = PartnerKey.of(partner);
        Recipient recipient = new Recipient(
                "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                "Streaming Partner",
                "streaming@example.invalid",
                to.armoured(),
                to.fingerprint(),
                RecipientFields.IDENTITY,
                Instant.parse("2026-12-01T00:00:00Z"),
                "admin");
        PackageWriter writer = new PackageWriter(
                synthetic(rows),
                new Pseudonyms(new byte[Pseudonyms.KEY_BYTES]),
                sender,
                () -> Optional.of(DATA_VERSION),
                new Messages(),
                Gazetteer.load());
        PackageSpec spec = new PackageSpec(
                PACKAGE_ID,
                Instant.parse("2026-12-06T12:00:00Z"),
                "admin",
                recipient,
                ReportQuery.all(),
                "source=" + SOURCE);
        long[] sentIds = {0};
        Path file = dir.resolve(PACKAGE);
        long t0 = System.nanoTime();
        PackageContents contents;
        try (OutputStream sealed = OpenPgp.seal(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                sender,
                to,
                "athar-package-" + PACKAGE_ID + ".zip")) {
            contents = writer.write(sealed, spec, id -> sentIds[0]++, n -> {});
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "package reports=%d sent_ids=%d seconds=%.1f rows_per_s=%.0f bytes=%d%n",
                contents.reports(),
                sentIds[0],
                seconds,
                contents.reports() / seconds,
                Files.size(file));
        for (FileEntry f : contents.files()) {
            System.out.printf(Locale.ROOT, "entry %s bytes=%d%n", f.name(), f.bytes());
        }
        System.out.printf(
                Locale.ROOT,
                "peak_heap_mb=%d max_heap_mb=%d%n",
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * A selection of {@code rows} shareable reports that makes each report when it hands it over: nothing is held,
     * and every pass hands over the same reports in the same order.
     */
    static ShareableReports synthetic(int rows) {
        ShareableReports.Selection selection = new ShareableReports.Selection() {
            @Override
            public long shareable() {
                return rows;
            }

            @Override
            public Withheld withheld() {
                return WITHHELD;
            }

            @Override
            public long forEach(Consumer<Report> each) {
                for (int i = 0; i < rows; i++) {
                    each.accept(report(i));
                }
                return rows;
            }
        };
        return new ShareableReports() {
            @Override
            public <R> R select(ReportQuery query, String recipientName, Work<R> work) throws IOException {
                return work.run(selection);
            }

            @Override
            public SharePreview preview(ReportQuery query, String recipientName) {
                return new SharePreview(rows, WITHHELD);
            }
        };
    }

    /**
     * Report {@code n}: {@link ReportJsonTest#fullReport()} with its own id and name, governorate SY01…SY14 or unknown,
     * a month from 2011 to 2024 or an unknown date, and consent to share with anyone.
     */
    static Report report(int n) {
        Report full = ReportJsonTest.fullReport();
        Victim v = full.victim();
        int g = n % 15;
        Place place = new Place(
                g == 14 ? Place.UNKNOWN : String.format(Locale.ROOT, "SY%02d", g + 1),
                Place.UNKNOWN,
                full.place().locality(),
                full.place().location());
        ReportDate date =
                n % 16 == 15 ? ReportDate.unknown() : ReportDate.month(YearMonth.of(2011 + n % 14, 1 + n % 12));
        return new Report(
                String.format(Locale.ROOT, "S-%07d", n),
                SOURCE,
                new Victim(
                        v.name() + " " + n,
                        v.nameLatin().map(l -> l + " " + n),
                        v.gender(),
                        v.age(),
                        v.ageGroup(),
                        v.occupation()),
                Disappearance.of(date),
                place,
                full.perpetrator(),
                full.status(),
                full.statusDate(),
                full.narrative(),
                true,
                full.provenance(),
                new Consent(
                        ConsentState.YES,
                        List.of(Consent.ANY),
                        Optional.of(LocalDate.of(2025, 1, 1 + n % 28)),
                        Optional.of("consent recorded by phone")));
    }
}
