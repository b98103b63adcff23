package org.athar.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code java -jar athar.jar --athar.demo.generate=1000000 --athar.demo.out=reports.csv}: writes synthetic demo data
 * to a CSV and exits, without starting the engine or the web server (for benchmarks and trials). With
 * {@code --athar.demo.linkage[=0.25]} it writes the linkage mode and its truth file ({@code --athar.demo.truth=FILE},
 * by default next to the CSV: {@code reports.truth.csv}), for measuring record linkage; with
 * {@code --athar.demo.linkage-profile=second} the second evaluation set ({@link LinkageShares#SECOND}, with its own
 * seed) instead of the own one.
 */
public final class DemoCommand {

    private DemoCommand() {}

    /** Runs the command if the arguments ask for it; returns whether they did. */
    public static boolean runIfRequested(String[] args) throws IOException {
        Optional<String> count = option(args, "--athar.demo.generate=");
        if (count.isEmpty()) {
            return false;
        }
        long n = Long.parseLong(count.get().replace("_", ""));
        Path out = Path.of(option(args, "--athar.demo.out=").orElse("synthetic-demo-data.csv"));
        Optional<String> linkage = linkageFlag(args);
        Optional<String> profile = option(args, "--athar.demo.linkage-profile=");
        Optional<String> truthOption = option(args, "--athar.demo.truth=");
        if (linkage.isEmpty() && profile.isEmpty() && truthOption.isPresent()) {
            throw new IllegalArgumentException("--athar.demo.truth needs the linkage mode: add --athar.demo.linkage "
                    + "(or --athar.demo.linkage=0.25 for the share of persons documented by more than one source, "
                    + "or --athar.demo.linkage-profile=second for the second evaluation set)");
        }
        long started = System.nanoTime();
        if (linkage.isPresent() || profile.isPresent()) {
            LinkageShares shares = profile.map(DemoCommand::shares).orElse(LinkageShares.OWN);
            if (linkage.isPresent() && !linkage.get().isEmpty()) {
                shares = shares.withSharedPersons(sharedPersons(linkage.get()));
            }
            Path truth = truthOption.map(Path::of).orElseGet(() -> truthBeside(out));
            writeLinkedCsv(out, truth, n, shares);
            System.out.printf(Locale.ROOT, "Wrote who each report is about to %s%n", truth.toAbsolutePath());
        } else {
            writeCsv(out, n);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Wrote %,d synthetic demo reports to %s in %.1f s (%,.0f rows/s)%n",
                n,
                out.toAbsolutePath(),
                seconds,
                n / seconds);
        return true;
    }

    /**
     * The linkage mode's N reports and the truth file ({@link DemoTruth#HEADER}), written with the shares' own seed:
     * the same files for every call.
     */
    static void writeLinkedCsv(Path out, Path truth, long n, LinkageShares shares) throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                Writer truthWriter = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            DemoTruth.TruthFile truthFile = DemoTruth.writingTo(truthWriter);
            new DemoDataGenerator(shares.seed()).withLinkage(shares).write(writer, n, written -> {}, truthFile);
            truthFile.flush();
        }
    }

    /** {@code reports.csv} → {@code reports.truth.csv}, in the same directory. */
    static Path truthBeside(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".truth.csv");
    }

    /** {@code --athar.demo.linkage} ({@code ""}) or {@code --athar.demo.linkage=0.3} ({@code "=0.3"}), not the profile. */
    private static Optional<String> linkageFlag(String[] args) {
        String flag = "--athar.demo.linkage";
        return Arrays.stream(args)
                .filter(a -> a.equals(flag) || a.startsWith(flag + "="))
                .map(a -> a.substring(flag.length()))
                .findFirst();
    }

    private static LinkageShares shares(String profile) {
        return switch (profile) {
            case "own" -> LinkageShares.OWN;
            case "second" -> LinkageShares.SECOND;
            default ->
                throw new IllegalArgumentException("--athar.demo.linkage-profile is own (the project's "
                        + "evaluation set) or second (the second evaluation set, docs/linkage.md); got " + profile);
        };
    }

    /** {@code "=0.3"}: a share of its own. */
    private static double sharedPersons(String value) {
        try {
            if (value.startsWith("=")) {
                return Double.parseDouble(value.substring(1));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--athar.demo.linkage takes a share between 0 and 1 of the persons "
                + "documented by more than one source, e.g. --athar.demo.linkage=0.25; got --athar.demo.linkage"
                + value);
    }

    /** N synthetic reports as a UTF-8 CSV file, the same for every call (fixed seed). */
    static void writeCsv(Path out, long n) throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(writer, n);
        }
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .findFirst();
    }
}
