package org.athar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.athar.analytics.StatsRequests;
import org.athar.chart.ChartRenderTimes;
import org.athar.demo.DemoDataGenerator;
import org.athar.export.ExportPaging;
import org.athar.ingest.BulkDocuments;
import org.athar.search.SearchRequests;
import org.athar.security.BenchTokens;

/**
 * The benchmark of issue 10: how much Athar adds on top of Elasticsearch, as ratios measured in one run on one
 * machine. For each N it generates N synthetic reports, starts the packaged jar on a fresh data directory (fixed heaps,
 * embedded engine) and measures import, search, statistics and export through the API, each next to the same work
 * sent straight to the same engine; then chart rendering and resident memory. Prints and writes one markdown table.
 * See docs/benchmarks.md. Run: {@code bench/run [N ...]}.
 */
public final class BenchRun {

    /** The index the raw side writes: matches the reports template ({@code athar-reports-v*}), so same mapping. */
    static final String RAW_INDEX = "athar-reports-vbench";

    static final String REPORTS_ALIAS = "athar-reports";
    static final String REPORTS_INDEX = "athar-reports-v1";

    /** What a search or statistic through the API may add to the same request sent straight to the engine (ms). */
    static final double ADDED_MS = 5.0;

    /** What to run. */
    public record Options(
            List<Long> sizes,
            int reps,
            int exportReps,
            int queryRuns,
            int chartRuns,
            Path jar,
            Path workDir,
            Path outDir,
            String appHeap,
            String exportHeap,
            String engineHeap) {

        /** From system properties (athar.bench.*), with the documented defaults. */
        public static Options fromSystemProperties(List<Long> sizes) {
            int reps = Integer.getInteger("athar.bench.reps", 5);
            return new Options(
                    sizes,
                    reps,
                    Integer.getInteger("athar.bench.export-reps", reps),
                    Integer.getInteger("athar.bench.query-runs", 30),
                    Integer.getInteger("athar.bench.chart-runs", 10),
                    Path.of(System.getProperty("athar.jar", "target/athar-0.1.0-SNAPSHOT.jar")),
                    Path.of(System.getProperty("athar.bench.work", "/tmp/athar-bn-work")),
                    Path.of(System.getProperty("athar.bench.out", "target/bench")),
                    System.getProperty("athar.bench.app-heap", "512m"),
                    System.getProperty("athar.bench.export-heap", "256m"),
                    System.getProperty("athar.bench.engine-heap", "1g"));
        }
    }

    /** What a run measured, and where the table was written. */
    public record Result(Path file, List<ResultRow> rows, String markdown) {}

    private final Options options;
    private final List<ResultRow> rows = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private BenchRun(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = args.length == 0
                ? List.of(100_000L, 1_000_000L)
                : Arrays.stream(args)
                        .map(a -> Long.parseLong(a.replace("_", "")))
                        .toList();
        Result r = run(Options.fromSystemProperties(sizes));
        System.out.println("Results written to " + r.file().toAbsolutePath());
    }

    public static Result run(Options options) throws Exception {
        return new BenchRun(options).runAll();
    }

    private Result runAll() throws Exception {
        Files.createDirectories(options.workDir());
        options.workDir().toFile().setExecutable(true, false);
        options.workDir().toFile().setReadable(true, false);
        Files.createDirectories(options.outDir());
        String started = ZonedDateTime.now(ZoneOffset.UTC).toString();
        String loadStart = Machine.loadAverage();
        List<String> failed = new ArrayList<>();
        for (long n : options.sizes()) {
            // A size that fails (a crash, a re-link out of memory) is reported at the end; the other sizes still
            // run, and the table so far is written after each size.
            try {
                runSize(n);
            } catch (Exception | Error e) {
                log("N = " + n + " failed: " + e);
                e.printStackTrace(System.out);
                failed.add(n + ": " + e);
            }
            writeResults(started, loadStart);
        }
        log("charts: rendering each kind and format " + options.chartRuns() + " times per language");
        for (Map.Entry<String, List<Double>> e :
                ChartRenderTimes.times(options.chartRuns()).entrySet()) {
            Samples s = new Samples();
            e.getValue().forEach(s::add);
            rows.add(new ResultRow(
                    0,
                    "Chart render: " + e.getKey() + " (print size 1600×900; PNG at 300 dpi)",
                    "ms",
                    s,
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.of(150.0)));
        }
        String markdown = writeResults(started, loadStart);
        Path file = options.outDir().resolve("results-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        GrowthPlot.png(rows, options.outDir().resolve("growth-" + LocalDate.now(ZoneOffset.UTC) + ".png"));
        System.out.println(markdown);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the benchmark failed at " + failed + "; the other sizes are in " + file);
        }
        return new Result(file, List.copyOf(rows), markdown);
    }

    /** Writes the table and its CSV as they stand; returns the table. */
    private String writeResults(String started, String loadStart) throws IOException {
        String markdown = table(started, loadStart, Machine.loadAverage());
        Files.writeString(options.outDir().resolve("results-" + LocalDate.now(ZoneOffset.UTC) + ".md"), markdown);
        GrowthPlot.csv(rows, options.outDir().resolve("results-" + LocalDate.now(ZoneOffset.UTC) + ".csv"));
        return markdown;
    }

    private void runSize(long n) throws Exception {
        Path csv = options.workDir().resolve("reports-" + n + ".csv");
        Path ndjson = options.workDir().resolve("reports-" + n + ".ndjson");
        if (!Files.exists(csv)) {
            log("generating " + n + " synthetic reports into " + csv);
            Path part = Files.createTempFile(options.workDir(), "reports", ".part");
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(w, n);
            }
            Files.move(part, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        log("building the _bulk NDJSON of the same documents (Athar's reader, validator and JSON)");
        long self = ProcessHandle.current().pid();
        double build0 = Machine.cpuSeconds(self);
        long docs = BulkDocuments.write(csv, ndjson, RAW_INDEX);
        double buildCpu = (Machine.cpuSeconds(self) - build0) * 1e6 / n;
        Path dataDir = Files.createTempDirectory(options.workDir(), "data-" + n + "-");
        dataDir.toFile().setExecutable(true, false);
        dataDir.toFile().setReadable(true, false);
        Path log = options.outDir().resolve("app-" + n + ".log");
        Files.deleteIfExists(log);
        try {
            String token;
            try (BenchApp app =
                            BenchApp.start(options.jar(), dataDir, appHeap(n), options.engineHeap(), log, settings(n));
                    Recorder recorder = new Recorder(app.engine(), app.engineCredentials())) {
                token = BenchTokens.create(recorder.client, "admin");
                Http http = new Http(app.base(), app.engine(), app.engineCredentials(), token);
                imports(n, csv, ndjson, docs, buildCpu, app, http);
                if (phase("search")) {
                    searches(n, app, http, recorder);
                    overheads(n, http, recorder, token);
                }
                if (phase("statistics")) {
                    statistics(n, http, recorder);
                }
                if (phase("browser")) {
                    trendsInBrowser(n, app);
                }
                memory(n, "after import, search and statistics (app -Xmx" + appHeap(n) + ")", app);
            }
            if (!phase("export")) {
                return;
            }
            try (BenchApp app = BenchApp.start(
                    options.jar(), dataDir, options.exportHeap(), options.engineHeap(), log, settings(n))) {
                Http http = new Http(app.base(), app.engine(), app.engineCredentials(), token);
                awaitLinkage(http);
                try (Recorder recorder = new Recorder(app.engine(), app.engineCredentials())) {
                    exports(n, docs, app, http, recorder);
                }
                memory(n, "at the end, after the exports (app -Xmx" + options.exportHeap() + ")", app);
            }
        } finally {
            Files.deleteIfExists(ndjson);
            deleteTree(dataDir);
        }
    }

    /**
     * From this size on, a run makes one repetition of each import and export and gives the application 1 GB for the
     * import (the full re-link of persons that follows needs it; docs/linkage.md): five repetitions at a million
     * reports would take hours. Settable: {@code athar.bench.large-reps}, {@code athar.bench.large-app-heap}.
     */
    static final long LARGE = 500_000;

    /**
     * Whether a run measures this phase: {@code athar.bench.phases} lists them (search, statistics, browser, export;
     * all by default). Every size imports, since the other phases read what it stored.
     */
    private static boolean phase(String name) {
        return Arrays.asList(System.getProperty("athar.bench.phases", "search,statistics,browser,export")
                        .split(","))
                .contains(name);
    }

    private int reps(long n) {
        return n >= LARGE ? Integer.getInteger("athar.bench.large-reps", 1) : options.reps();
    }

    private int exportReps(long n) {
        return n >= LARGE ? Integer.getInteger("athar.bench.large-reps", 1) : options.exportReps();
    }

    /**
     * Above {@code athar.bench.relink-max} (default 1,000,000) the application runs with automatic re-links off: the
     * full re-link grows with the square of the name blocks (docs/benchmarks.md, *Growth*) and at 5,000,000 reports
     * would take hours and more heap than the run gives. Above the default import limit of 2,000,000 rows, the limit
     * is raised to the size (docs/configuration.md).
     */
    private static String[] settings(long n) {
        List<String> settings = new ArrayList<>();
        if (!relinks(n)) {
            settings.add("--athar.linkage.automatic-relink=false");
        }
        if (n > 2_000_000) {
            settings.add("--athar.import.max-rows=" + n);
        }
        return settings.toArray(String[]::new);
    }

    private static boolean relinks(long n) {
        return n <= Long.getLong("athar.bench.relink-max", 1_000_000L);
    }

    private String appHeap(long n) {
        return n >= LARGE ? System.getProperty("athar.bench.large-app-heap", "1g") : options.appHeap();
    }

    // ---- 1. Import ------------------------------------------------------------------------------------------------

    private void imports(long n, Path csv, Path ndjson, long docs, double buildCpu, BenchApp app, Http http)
            throws Exception {
        Samples athar = new Samples();
        Samples raw = new Samples();
        Samples heap = new Samples();
        Samples relink = new Samples();
        Samples appCpu = new Samples();
        Samples engineCpu = new Samples();
        Samples rawEngineCpu = new Samples();
        Samples engineJit = new Samples();
        Samples rawEngineJit = new Samples();
        warmUpImports(n, app, http);
        for (int rep = 0; rep < reps(n); rep++) {
            boolean rawFirst = rep % 2 == 1;
            if (rawFirst) {
                raw.add(rawBulk(n, rep, ndjson, docs, http, app, rawEngineCpu, rawEngineJit));
            }
            recreateReportsIndex(http);
            app.resetPeakHeap();
            Optional<EngineProfile> profile = EngineProfile.start(app.enginePid(), n, "import-" + (rep + 1));
            double app0 = Machine.cpuSeconds(app.pid());
            double engine0 = Machine.cpuSeconds(app.enginePid());
            Map<Long, Double> jit0 = Machine.compilerCpuSeconds(app.enginePid());
            long t0 = System.nanoTime();
            JsonNode r = json.readTree(http.upload("api/v1/imports?source=benchmark", csv));
            double seconds = (System.nanoTime() - t0) / 1e9;
            appCpu.add((Machine.cpuSeconds(app.pid()) - app0) * 1e6 / n);
            engineCpu.add((Machine.cpuSeconds(app.enginePid()) - engine0) * 1e6 / n);
            engineJit.add(Machine.compilerCpuBetween(jit0, Machine.compilerCpuSeconds(app.enginePid())) * 1e6 / n);
            if (profile.isPresent()) {
                profile.get().close();
            }
            heap.add(app.peakHeapBytes() / 1048576.0);
            long stored = r.path("indexed").asLong()
                    + r.path("updated").asLong()
                    + r.path("unchanged").asLong();
            if (stored != docs || r.path("received").asLong() != n) {
                throw new IllegalStateException("the import stored " + stored + " of " + docs + " reports: " + r);
            }
            athar.add(r.path("received").asLong() / seconds);
            // An import this large is followed by a full re-link of persons in the background: wait for it, so that
            // it does not share the cores with what is timed next, and report its time apart.
            relink.add(awaitLinkage(http));
            if (!rawFirst) {
                raw.add(rawBulk(n, rep, ndjson, docs, http, app, rawEngineCpu, rawEngineJit));
            }
            log(String.format(
                    Locale.ROOT,
                    "import %d/%d: Athar %,.0f rows/s, raw _bulk %,.0f docs/s",
                    rep + 1,
                    reps(n),
                    athar.median(),
                    raw.median()));
        }
        rows.add(new ResultRow(
                n,
                "Import: CSV via POST /api/v1/imports vs raw _bulk of the same documents (2 " + "connections, "
                        + BulkDocuments.OPERATIONS_PER_REQUEST + " per request)",
                "rows/s",
                athar,
                Optional.of(raw),
                true,
                Optional.of(0.75),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Import: CPU time per row: the application's (all its threads) vs the engine's for a raw _bulk "
                        + "document",
                "µs",
                appCpu,
                Optional.of(rawEngineCpu),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Import: CPU time per row: the engine's during Athar's import vs during the raw _bulk",
                "µs",
                engineCpu,
                Optional.of(rawEngineCpu),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Import: CPU time per row: of it, the engine's JIT compiler threads during Athar's import vs during the"
                        + " raw _bulk",
                "µs",
                engineJit,
                Optional.of(rawEngineJit),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Import: CPU time per row: building the raw side's documents before its clock starts (Athar's reader,"
                        + " validator and JSON, in the runner, one thread, to a file)",
                "µs",
                Samples.of(buildCpu),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty()));
        if (relinks(n)) {
            rows.add(new ResultRow(
                    n,
                    "Import: then the full re-link of persons in the background (record linkage, not "
                            + "part of the import's time)",
                    "s",
                    relink,
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty()));
        }
        rows.add(new ResultRow(
                n,
                "Import: peak heap in use of the application (sampled every 20 ms, -Xmx" + appHeap(n) + ")",
                "MB",
                heap,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(512.0)));
    }

    /**
     * Waits until record linkage is idle (the full re-link a large import starts, or the one a start-up runs when the
     * persons do not account for every report) and returns the seconds waited.
     */
    private double awaitLinkage(Http http) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            JsonNode status = json.readTree(http.athar("api/v1/linkage/relink"));
            String state = status.path("state").asText();
            if ("failed".equals(state)) {
                throw new IllegalStateException("the re-link of persons failed: " + status);
            }
            if (!"running".equals(state)) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if (System.nanoTime() - t0 > java.util.concurrent.TimeUnit.HOURS.toNanos(2)) {
                throw new IllegalStateException("the re-link of persons did not end within 2 hours: " + status);
            }
            Thread.sleep(500);
        }
    }

    /** Sends the pre-built NDJSON over two connections into a fresh index with the reports' template; docs/s. */
    private double rawBulk(
            long n, int rep, Path ndjson, long docs, Http http, BenchApp app, Samples engineCpu, Samples engineJit)
            throws Exception {
        freshRawIndex(http);
        Optional<EngineProfile> profile = EngineProfile.start(app.enginePid(), n, "raw-bulk-" + (rep + 1));
        double engine0 = Machine.cpuSeconds(app.enginePid());
        Map<Long, Double> jit0 = Machine.compilerCpuSeconds(app.enginePid());
        long t0 = System.nanoTime();
        sendRaw(http, ndjson);
        double seconds = (System.nanoTime() - t0) / 1e9;
        engineCpu.add((Machine.cpuSeconds(app.enginePid()) - engine0) * 1e6 / docs);
        engineJit.add(Machine.compilerCpuBetween(jit0, Machine.compilerCpuSeconds(app.enginePid())) * 1e6 / docs);
        if (profile.isPresent()) {
            profile.get().close();
        }
        dropRawIndex(http, docs, "the raw _bulk");
        return docs / seconds;
    }

    /** An empty raw index, created from the reports' template. */
    private static void freshRawIndex(Http http) throws Exception {
        http.engine("DELETE", RAW_INDEX + "?ignore_unavailable=true", null);
        http.engine("PUT", RAW_INDEX, null);
    }

    /** The NDJSON sent as the import sends its writes (operations per request, requests in flight), then refreshed. */
    private static void sendRaw(Http http, Path ndjson) throws Exception {
        http.bulk(ndjson, BulkDocuments.OPERATIONS_PER_REQUEST, BulkDocuments.CONCURRENT_REQUESTS);
        http.engine("POST", RAW_INDEX + "/_refresh", null);
    }

    /** Deletes the raw side's index once it is checked to hold every document sent. */
    private void dropRawIndex(Http http, long docs, String what) throws Exception {
        long count = json.readTree(http.engine("GET", RAW_INDEX + "/_count", null))
                .path("count")
                .asLong();
        http.engine("DELETE", RAW_INDEX, null);
        if (count != docs) {
            throw new IllegalStateException(what + " stored " + count + " of " + docs + " documents");
        }
    }

    /** Rows of the warm-up import (a different seed from the measured files), at most as many as the size. */
    static final int WARM_UP_ROWS = 50_000;

    private static int warmUpRows(long n) {
        return Integer.getInteger("athar.bench.warm-up-rows", (int) Math.min(WARM_UP_ROWS, n));
    }

    /**
     * Before the first timed import: {@link #WARM_UP_ROWS} other synthetic reports imported through Athar and sent
     * raw with {@code _bulk}, both then deleted. Both processes have just started, and their JIT compiles the
     * import's code during the first large import. This compiles what a small import runs; the engine's flush and
     * merge code, which gets hot only once segments are large, is still compiled during whichever side runs first
     * (measured at 1,000,000 reports: 33 µs per row of the engine's compiler threads during Athar's import, which ran
     * first, against 3 during the raw one; docs/benchmarks.md, *Night of 2026-12-07*).
     */
    private void warmUpImports(long n, BenchApp app, Http http) throws Exception {
        int rows = warmUpRows(n);
        Path csv = options.workDir().resolve("warm-up-" + rows + ".csv");
        Path ndjson = options.workDir().resolve("warm-up-" + rows + ".ndjson");
        if (!Files.exists(csv)) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED + 1).write(w, rows);
            }
        }
        log("warm-up: " + rows + " other reports imported through Athar and sent raw (not timed)");
        try {
            long docs = BulkDocuments.write(csv, ndjson, RAW_INDEX);
            JsonNode r = json.readTree(http.upload("api/v1/imports?source=warm-up", csv));
            if (r.path("received").asLong() != rows) {
                throw new IllegalStateException("the warm-up import failed: " + r);
            }
            awaitLinkage(http);
            freshRawIndex(http);
            sendRaw(http, ndjson);
            dropRawIndex(http, docs, "the warm-up _bulk");
        } finally {
            Files.deleteIfExists(ndjson);
        }
    }

    /** An empty reports index again (same template, same alias), so every repetition imports into a fresh index. */
    private void recreateReportsIndex(Http http) throws IOException, InterruptedException {
        http.engine("DELETE", REPORTS_INDEX, null);
        http.engine("PUT", REPORTS_INDEX, "{\"aliases\":{\"" + REPORTS_ALIAS + "\":{\"is_write_index\":true}}}");
        http.engine("GET", "_cluster/health/" + REPORTS_INDEX + "?wait_for_status=yellow&timeout=60s", null);
    }

    // ---- 2. Search ------------------------------------------------------------------------------------------------

    /** The 20 queries: free text in Arabic and Latin, filters, sorts, and deep pages reached with the cursor. */
    static List<SearchCase> searchCases() {
        return List.of(
                new SearchCase("all, newest first", "", 0),
                new SearchCase("q=محمد", "q=محمد", 0),
                new SearchCase("q=Mohammad", "q=Mohammad", 0),
                new SearchCase("q=احمد (hamza folded)", "q=احمد", 0),
                new SearchCase("q=\"عبد الله\" (phrase)", "q=\"عبد الله\"", 0),
                new SearchCase("q=Abdulrahman Hasan", "q=Abdulrahman Hasan", 0),
                new SearchCase("q=name:Khaled -Ali", "q=name:Khaled -Ali", 0),
                new SearchCase("q=narrative:checkpoint", "q=narrative:checkpoint", 0),
                new SearchCase("q=حلب (Arabic place word)", "q=حلب", 0),
                new SearchCase("governorate=SY02", "governorate=SY02", 0),
                new SearchCase("perpetrator=government, status=missing", "perpetrator=government&status=missing", 0),
                new SearchCase("gender=female, age_group=child", "gender=female&age_group=child", 0),
                new SearchCase("from=2012-01-01, to=2013-12-31", "from=2012-01-01&to=2013-12-31", 0),
                new SearchCase(
                        "q=محمد, governorate=SY01, from/to",
                        "q=محمد&governorate=SY01&from=2011-01-01&to=2015-12-31",
                        0),
                new SearchCase("has_location=true, sort=date", "has_location=true&sort=date", 0),
                new SearchCase("q=Ahmad, sort=name, size=100", "q=Ahmad&sort=name&size=100", 0),
                new SearchCase("all, size=1000", "size=1000", 0),
                new SearchCase("all", "", 19),
                new SearchCase("governorate=SY02, size=100", "governorate=SY02&size=100", 99),
                new SearchCase("q=محمد", "q=محمد", 49));
    }

    /** One search: its API query string, and how many pages to walk before the timed page. */
    record SearchCase(String label, String query, int pagesBefore) {

        Map<String, List<String>> params() {
            return parse(query);
        }
    }

    private void searches(long n, BenchApp app, Http http, Recorder recorder) throws Exception {
        Samples allAthar = new Samples();
        Samples allDirect = new Samples();
        Samples firstWithout = new Samples();
        Samples firstOnPit = new Samples();
        FirstPageCpu figures = new FirstPageCpu();
        // Warm-up, not timed: the application has just imported and its JIT has not yet compiled the search path
        // (measured: its compiler threads kept about a sixth of a core busy through a first pass of the queries).
        int warmUp = Integer.getInteger("athar.bench.search-warm-up", 10);
        log("search warm-up: each query's first page " + warmUp + " times through Athar (not timed)");
        for (int i = 0; i < warmUp; i++) {
            for (SearchCase c : searchCases()) {
                http.athar("api/v1/reports?" + withCursor(c.query(), Optional.empty()));
            }
        }
        for (SearchCase c : searchCases()) {
            Map<String, List<String>> params = c.params();
            Optional<String> sort = Optional.ofNullable(params.remove("sort")).map(l -> l.get(0));
            int size = Optional.ofNullable(params.remove("size"))
                    .map(l -> Integer.parseInt(l.get(0)))
                    .orElse(50);
            String apiQuery = c.query();
            Optional<String> apiCursor = Optional.empty();
            Optional<String> ownCursor = Optional.empty();
            // The timed page must have a page after it (the last page closes its result set), so on a small index
            // the walk stops earlier.
            int pages = 0;
            if (c.pagesBefore() > 0) {
                long total = json.readTree(http.athar("api/v1/reports?" + withCursor(apiQuery, Optional.empty())))
                        .path("total")
                        .asLong();
                int before = (int) Math.max(0, Math.min(c.pagesBefore(), (total + size - 1) / size - 2));
                for (; pages < before; pages++) {
                    JsonNode page = json.readTree(http.athar("api/v1/reports?" + withCursor(apiQuery, apiCursor)));
                    apiCursor = Optional.of(page.path("next").asText());
                    ownCursor = SearchRequests.page(recorder.client, params, sort, size, ownCursor);
                }
            }
            recorder.take();
            SearchRequests.page(recorder.client, params, sort, size, ownCursor);
            List<Recorder.Sent> sent = recorder.take();
            List<Recorder.Sent> direct = replayable(sent, ownCursor.isEmpty());
            String athar = "api/v1/reports?" + withCursor(apiQuery, apiCursor);
            Samples a = new Samples();
            Samples d = new Samples();
            if (ownCursor.isEmpty()) {
                Samples p = new Samples();
                timeWithPointInTime(app, http, athar, direct, sent, a, d, p, figures, options.queryRuns());
                d.valuesInto(firstWithout);
                p.valuesInto(firstOnPit);
                log(String.format(
                        Locale.ROOT,
                        "search %s: p50 Athar %.1f ms, direct %.1f ms, direct on a point-in-time %.1f ms",
                        c.label(),
                        a.median(),
                        d.median(),
                        p.median()));
            } else {
                timeAlternately(http, athar, direct, a, d, options.queryRuns());
            }
            a.valuesInto(allAthar);
            d.valuesInto(allDirect);
            rows.add(ResultRow.withinMargin(
                    n,
                    "Search: " + c.label() + (pages > 0 ? ", page " + (pages + 1) + " by cursor" : ""),
                    "ms",
                    a,
                    d,
                    ADDED_MS,
                    Optional.empty()));
        }
        log(String.format(
                Locale.ROOT,
                "search: all queries p50 Athar %.1f ms, direct %.1f ms",
                allAthar.median(),
                allDirect.median()));
        rows.add(ResultRow.withinMargin(
                n, "Search: all 20 queries together", "ms", allAthar, allDirect, ADDED_MS, Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Search (engine time): the 17 first pages' queries on a point-in-time, as Athar sends them, vs the"
                        + " same queries without one (the direct side above)",
                "ms",
                firstOnPit,
                Optional.of(firstWithout),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Search (CPU per request, the 17 first pages): the application's (all its threads) during Athar's"
                        + " vs during the same query sent direct (nothing asked of the application)",
                "ms",
                figures.app(),
                Optional.of(figures.directApp()),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Search (CPU per request, the 17 first pages): the engine's during Athar's vs during the same query"
                        + " sent direct",
                "ms",
                figures.engine(),
                Optional.of(figures.directEngine()),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Search (CPU with nothing asked, ms per second, a quiet second before each first page's runs): the"
                        + " application's vs the engine's",
                "ms/s",
                figures.idleApp(),
                Optional.of(figures.idleEngine()),
                false,
                Optional.empty(),
                Optional.empty()));
    }

    /**
     * CPU per request (ms) of the first pages, one mean per query (see {@link #timeWithPointInTime}), and CPU with
     * nothing asked (ms per second), read before each first page's runs.
     */
    private record FirstPageCpu(
            Samples app, Samples directApp, Samples engine, Samples directEngine, Samples idleApp, Samples idleEngine) {

        FirstPageCpu() {
            this(new Samples(), new Samples(), new Samples(), new Samples(), new Samples(), new Samples());
        }
    }

    /**
     * Times a first page three ways, in turn: through Athar, straight to the engine without a point-in-time, and
     * straight to the engine on a point-in-time opened before each run (so its open is not in the time; it is the
     * overhead row of its own).
     */
    private void timeWithPointInTime(
            BenchApp app,
            Http http,
            String athar,
            List<Recorder.Sent> direct,
            List<Recorder.Sent> sent,
            Samples a,
            Samples d,
            Samples p,
            FirstPageCpu figures,
            int runs)
            throws Exception {
        // What the two processes use with nothing asked of them (background merges after an import, the
        // application's own timers), per second: read over a quiet second before the runs.
        double idleApp0 = Machine.cpuSeconds(app.pid());
        double idleEngine0 = Machine.cpuSeconds(app.enginePid());
        long idle0 = System.nanoTime();
        Thread.sleep(1000);
        double idleSeconds = (System.nanoTime() - idle0) / 1e9;
        figures.idleApp().add((Machine.cpuSeconds(app.pid()) - idleApp0) * 1e3 / idleSeconds);
        figures.idleEngine().add((Machine.cpuSeconds(app.enginePid()) - idleEngine0) * 1e3 / idleSeconds);
        // the application's and the engine's CPU during Athar's request, and both during the direct one
        double[] cpu = new double[4];
        for (int i = -3; i < runs; i++) {
            double app0 = Machine.cpuSeconds(app.pid());
            double engine0 = Machine.cpuSeconds(app.enginePid());
            long t0 = System.nanoTime();
            http.athar(athar);
            long t1 = System.nanoTime();
            double app1 = Machine.cpuSeconds(app.pid());
            double engine1 = Machine.cpuSeconds(app.enginePid());
            long t2 = System.nanoTime();
            send(http, direct);
            long t3 = System.nanoTime();
            double engine2 = Machine.cpuSeconds(app.enginePid());
            double app2 = Machine.cpuSeconds(app.pid());
            // A point-in-time of its own for each run, opened and closed outside the time (as Athar opens one
            // for each first page: one kept open would keep searching the segments a merge has since replaced).
            String pit = json.readTree(http.engine("POST", REPORTS_ALIAS + "/_pit?keep_alive=1m", null))
                    .path("id")
                    .asText();
            List<Recorder.Sent> withPit = onPit(sent, pit);
            long t4 = System.nanoTime();
            send(http, withPit);
            long t5 = System.nanoTime();
            http.engine("DELETE", "_pit", "{\"id\":\"" + pit + "\"}");
            if (i >= 0) {
                a.add((t1 - t0) / 1e6);
                d.add((t3 - t2) / 1e6);
                p.add((t5 - t4) / 1e6);
                cpu[0] += app1 - app0;
                cpu[1] += engine1 - engine0;
                cpu[2] += engine2 - engine1;
                cpu[3] += app2 - app1;
            }
        }
        // /proc counts CPU in ticks of 10 ms: one request's share is read as the mean over the runs.
        figures.app().add(cpu[0] * 1e3 / runs);
        figures.directApp().add(cpu[3] * 1e3 / runs);
        figures.engine().add(cpu[1] * 1e3 / runs);
        figures.directEngine().add(cpu[2] * 1e3 / runs);
    }

    /**
     * The first page's requests as Athar sent them, on this point-in-time: the query with its {@code pit} set to it,
     * the other requests (the count of imprecise dates) as they are, Athar's own point-in-time open left out.
     */
    private List<Recorder.Sent> onPit(List<Recorder.Sent> sent, String pit) throws IOException {
        List<Recorder.Sent> withPit = new ArrayList<>();
        for (Recorder.Sent s : sent) {
            if (s.isPointInTime()) {
                continue;
            }
            if (!s.body().isEmpty() && json.readTree(s.body()).has("pit")) {
                ObjectNode body = (ObjectNode) json.readTree(s.body());
                ((ObjectNode) body.path("pit")).put("id", pit);
                withPit.add(new Recorder.Sent("POST", "/_search", json.writeValueAsString(body)));
            } else {
                withPit.add(s);
            }
        }
        return withPit;
    }

    private static void send(Http http, List<Recorder.Sent> requests) throws Exception {
        for (Recorder.Sent s : requests) {
            http.engine(s.method(), s.path().substring(1), s.body().isEmpty() ? null : s.body());
        }
    }

    /**
     * The requests that answer the query, as sent straight to the engine: Athar's point-in-time bookkeeping for its
     * cursor is left out, and a first page, which plain Elasticsearch answers without one, goes to the index.
     */
    private List<Recorder.Sent> replayable(List<Recorder.Sent> sent, boolean firstPage) throws IOException {
        List<Recorder.Sent> out = new ArrayList<>();
        for (Recorder.Sent s : sent) {
            if (s.isPointInTime()) {
                continue;
            }
            if (firstPage && !s.body().isEmpty() && json.readTree(s.body()).has("pit")) {
                ObjectNode body = (ObjectNode) json.readTree(s.body());
                body.remove("pit");
                out.add(new Recorder.Sent("POST", "/" + REPORTS_ALIAS + "/_search", json.writeValueAsString(body)));
            } else {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("Athar's code sent no query to replay: " + sent);
        }
        return out;
    }

    private void timeAlternately(Http http, String athar, List<Recorder.Sent> direct, Samples a, Samples d, int runs)
            throws Exception {
        for (int i = -3; i < runs; i++) {
            long t0 = System.nanoTime();
            http.athar(athar);
            long t1 = System.nanoTime();
            send(http, direct);
            long t2 = System.nanoTime();
            if (i >= 0) {
                a.add((t1 - t0) / 1e6);
                d.add((t2 - t1) / 1e6);
            }
        }
    }

    /**
     * What a search through the API asks of the engine besides the query itself, each timed straight to the engine:
     * the API token's look-up (every request), the audit entry (every first page) and a point-in-time opened and
     * closed (every first page with a next page keeps one open for the cursor).
     */
    private void overheads(long n, Http http, Recorder recorder, String token) throws Exception {
        recorder.take();
        if (!BenchTokens.lookUp(recorder.client, token)) {
            throw new IllegalStateException("the benchmark's API token was not found");
        }
        List<Recorder.Sent> lookUp = recorder.take();
        JsonNode audit = json.readTree(
                        http.engine("POST", "athar-audit/_search", "{\"size\":1,\"sort\":[{\"time\":\"desc\"}]}"))
                .path("hits")
                .path("hits");
        if (audit.isEmpty()) {
            throw new IllegalStateException("the searches left no audit entry to copy");
        }
        String entry = json.writeValueAsString(audit.get(0).path("_source"));
        Samples token1 = new Samples();
        Samples audit1 = new Samples();
        Samples pit1 = new Samples();
        for (int i = -3; i < options.queryRuns(); i++) {
            long t0 = System.nanoTime();
            send(http, lookUp);
            long t1 = System.nanoTime();
            http.engine("POST", "athar-audit/_doc?op_type=create", entry);
            long t2 = System.nanoTime();
            String pit = json.readTree(http.engine("POST", REPORTS_ALIAS + "/_pit?keep_alive=2m", null))
                    .path("id")
                    .asText();
            http.engine("DELETE", "_pit", "{\"id\":\"" + pit + "\"}");
            long t3 = System.nanoTime();
            if (i >= 0) {
                token1.add((t1 - t0) / 1e6);
                audit1.add((t2 - t1) / 1e6);
                pit1.add((t3 - t2) / 1e6);
            }
        }
        rows.add(new ResultRow(
                n,
                "Overhead (engine time): API token look-up, once per token every 10 s (then trusted)",
                "ms",
                token1,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Overhead (engine time): audit entry write, every first page of a search (runs beside the query)",
                "ms",
                audit1,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Overhead (engine time): point-in-time open (+ close), every first page, before the query",
                "ms",
                pit1,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty()));
    }

    // ---- 3. Trends --------------------------------------------------------------------------------------------------

    private void statistics(long n, Http http, Recorder recorder) throws Exception {
        recorder.take();
        StatsRequests.dashboard(recorder.client, Map.of());
        Samples a = new Samples();
        Samples d = new Samples();
        timeAlternately(http, "api/v1/stats/dashboard", replayable(recorder.take(), true), a, d, options.queryRuns());
        rows.add(ResultRow.withinMargin(
                n,
                "Trends: whole dashboard (GET /api/v1/stats/dashboard: series by month, "
                        + "governorate, perpetrator, status, governorate × perpetrator)",
                "ms",
                a,
                d,
                ADDED_MS,
                Optional.of(300.0)));
        log(String.format(Locale.ROOT, "dashboard p50 Athar %.1f ms, direct %.1f ms", a.median(), d.median()));
        for (String dimension : List.of(
                "governorate",
                "district",
                "perpetrator",
                "status",
                "gender",
                "age_group",
                "source",
                "year",
                "quarter",
                "month")) {
            StatsRequests.breakdown(recorder.client, Map.of(), dimension);
            Samples sa = new Samples();
            Samples sd = new Samples();
            timeAlternately(
                    http, "api/v1/stats/" + dimension, replayable(recorder.take(), true), sa, sd, options.queryRuns());
            rows.add(ResultRow.withinMargin(
                    n, "Trends: GET /api/v1/stats/" + dimension, "ms", sa, sd, ADDED_MS, Optional.empty()));
        }
        StatsRequests.crossTab(recorder.client, Map.of(), "year", "perpetrator");
        Samples ca = new Samples();
        Samples cd = new Samples();
        timeAlternately(
                http,
                "api/v1/stats/crosstab?rows=year&columns=perpetrator",
                replayable(recorder.take(), true),
                ca,
                cd,
                options.queryRuns());
        rows.add(ResultRow.withinMargin(
                n,
                "Trends: GET /api/v1/stats/crosstab?rows=year&columns=perpetrator",
                "ms",
                ca,
                cd,
                ADDED_MS,
                Optional.empty()));
    }

    /** The Trends screen in Chromium: from a filter change to every chart and table drawn. */
    private void trendsInBrowser(long n, BenchApp app) throws Exception {
        int runs = Integer.getInteger("athar.bench.browser-runs", options.chartRuns());
        log("Trends in Chromium: " + runs + " filter changes, each on a freshly opened page");
        Samples s = TrendsInChromium.filterChanges(app.base(), "admin", BenchApp.ADMIN_PASSWORD, runs);
        log(String.format(Locale.ROOT, "Trends in Chromium: p50 %.0f ms", s.median()));
        rows.add(new ResultRow(
                n,
                "Trends screen in Chromium: governorate filter removed, until the timeline, map, breakdowns and "
                        + "cross-tab are drawn",
                "ms",
                s,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(1000.0)));
    }

    // ---- 4. Export --------------------------------------------------------------------------------------------------

    private void exports(long n, long docs, BenchApp app, Http http, Recorder recorder) throws Exception {
        recorder.take();
        SearchRequests.scanFirstPage(recorder.client, Map.of(), ExportPaging.PAGE);
        String scanBody = recorder.take().stream()
                .filter(s -> s.path().contains("_search"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the export scan sent no search"))
                .body();
        Samples csv = new Samples();
        Samples csvHeap = new Samples();
        Samples book = new Samples();
        Samples bookHeap = new Samples();
        Samples raw = new Samples();
        Samples rawBook = new Samples();
        Samples csvCpu = new Samples();
        Samples bookCpu = new Samples();
        Samples rawEngineCpu = new Samples();
        Samples rawBookCpu = new Samples();
        long self = ProcessHandle.current().pid();
        for (int rep = 0; rep < exportReps(n); rep++) {
            double engine0 = Machine.cpuSeconds(app.enginePid());
            raw.add(rawScan(http, scanBody, docs));
            rawEngineCpu.add((Machine.cpuSeconds(app.enginePid()) - engine0) * 1e6 / docs);
            double self0 = Machine.cpuSeconds(self);
            rawBook.add(rawWorkbook(http, scanBody, docs));
            rawBookCpu.add((Machine.cpuSeconds(self) - self0) * 1e6 / docs);
            app.resetPeakHeap();
            double app0 = Machine.cpuSeconds(app.pid());
            csv.add(download(http, "api/v1/exports/records.csv", docs));
            csvCpu.add((Machine.cpuSeconds(app.pid()) - app0) * 1e6 / docs);
            csvHeap.add(app.peakHeapBytes() / 1048576.0);
            app.resetPeakHeap();
            app0 = Machine.cpuSeconds(app.pid());
            book.add(download(http, "api/v1/exports/workbook.xlsx", docs));
            bookCpu.add((Machine.cpuSeconds(app.pid()) - app0) * 1e6 / docs);
            bookHeap.add(app.peakHeapBytes() / 1048576.0);
            log(String.format(
                    Locale.ROOT,
                    "export %d/%d: CSV %,.0f rows/s, workbook %,.0f rows/s, raw read %,.0f docs/s, raw workbook "
                            + "%,.0f rows/s",
                    rep + 1,
                    exportReps(n),
                    csv.median(),
                    book.median(),
                    raw.median(),
                    rawBook.median()));
        }
        String rawNote = " vs raw point-in-time + search_after read (" + ExportPaging.PAGE + " per request)";
        rows.add(new ResultRow(
                n,
                "Export: GET /api/v1/exports/records.csv, all reports" + rawNote,
                "rows/s",
                csv,
                Optional.of(raw),
                true,
                Optional.of(0.8),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Export: CPU time per row of records.csv: the application's vs the engine's during the raw read",
                "µs",
                csvCpu,
                Optional.of(rawEngineCpu),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Export: records.csv peak heap (-Xmx" + options.exportHeap() + ")",
                "MB",
                csvHeap,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(256.0)));
        rows.add(new ResultRow(
                n,
                "Export: GET /api/v1/exports/workbook.xlsx with Records sheet, all reports vs the raw read written"
                        + " as the same columns with plain SXSSF",
                "rows/s",
                book,
                Optional.of(rawBook),
                true,
                Optional.of(0.8),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Export: CPU time per row of the workbook: the application's vs the raw SXSSF pipeline's (the "
                        + "benchmark's own process)",
                "µs",
                bookCpu,
                Optional.of(rawBookCpu),
                false,
                Optional.empty(),
                Optional.empty()));
        rows.add(new ResultRow(
                n,
                "Export: workbook peak heap (-Xmx" + options.exportHeap() + ")",
                "MB",
                bookHeap,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(256.0)));
    }

    /** Downloads an export to nowhere; rows/s, after checking the row count the response announced. */
    private double download(Http http, String path, long docs) throws Exception {
        long t0 = System.nanoTime();
        long rowsSent = http.drain(path);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rowsSent != docs) {
            throw new IllegalStateException(path + " announced " + rowsSent + " rows, not " + docs);
        }
        return docs / seconds;
    }

    /** Reads every report with the export's own request body on a fresh point-in-time; docs/s. */
    private double rawScan(Http http, String scanBody, long docs) throws Exception {
        long t0 = System.nanoTime();
        long seen = rawRead(http, scanBody, page -> {});
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (seen != docs) {
            throw new IllegalStateException("the raw read saw " + seen + " of " + docs + " documents");
        }
        return docs / seconds;
    }

    /**
     * The raw workbook pipeline: the same read, each page parsed and its documents written as Athar's Records columns
     * with plain SXSSF, the finished workbook written to nowhere; rows/s.
     */
    private double rawWorkbook(Http http, String scanBody, long docs) throws Exception {
        long t0 = System.nanoTime();
        long written;
        try (RawWorkbook book = new RawWorkbook()) {
            rawRead(http, scanBody, page -> book.page(json.readTree(page)));
            book.finish(java.io.OutputStream.nullOutputStream());
            written = book.written();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (written != docs) {
            throw new IllegalStateException("the raw workbook wrote " + written + " of " + docs + " documents");
        }
        return docs / seconds;
    }

    /** A page of the engine's answer, as bytes. */
    private interface PageHandler {
        void page(byte[] page) throws IOException;
    }

    /** Reads every report with point-in-time + search_after, handing each page over; the number of hits. */
    private long rawRead(Http http, String scanBody, PageHandler handler) throws Exception {
        String pit = json.readTree(http.engine("POST", REPORTS_ALIAS + "/_pit?keep_alive=2m", null))
                .path("id")
                .asText();
        ObjectNode body = (ObjectNode) json.readTree(scanBody);
        int pageSize = body.path("size").asInt();
        long seen = 0;
        while (true) {
            ((ObjectNode) body.path("pit")).put("id", pit);
            byte[] bytes = http.engineBytes("POST", "_search", json.writeValueAsString(body));
            handler.page(bytes);
            String page = new String(bytes, StandardCharsets.UTF_8);
            int hits = 0;
            int last = -1;
            for (int i = page.indexOf("\"sort\":["); i >= 0; i = page.indexOf("\"sort\":[", i + 1)) {
                hits++;
                last = i;
            }
            seen += hits;
            int pitAt = page.indexOf("\"pit_id\":\"");
            if (pitAt >= 0) {
                pit = page.substring(pitAt + 10, page.indexOf('"', pitAt + 10));
            }
            if (hits < pageSize) {
                break;
            }
            body.set("search_after", json.readTree(page.substring(last + 7, page.indexOf(']', last) + 1)));
        }
        http.engine("DELETE", "_pit", "{\"id\":\"" + pit + "\"}");
        return seen;
    }

    // ---- 6. Memory --------------------------------------------------------------------------------------------------

    private void memory(long n, String when, BenchApp app) throws IOException {
        Map<String, Long> appMem = Machine.residentKb(app.pid());
        Map<String, Long> engineMem = Machine.residentKb(app.enginePid());
        rows.add(memoryRow(
                n,
                "Memory " + when + ": application resident (VmRSS; VmHWM peak " + mb(appMem.get("VmHWM")) + " MB)",
                appMem.get("VmRSS")));
        rows.add(memoryRow(
                n,
                "Memory " + when + ": engine resident (VmRSS; VmHWM peak " + mb(engineMem.get("VmHWM")) + " MB; heap "
                        + options.engineHeap() + ")",
                engineMem.get("VmRSS")));
    }

    private static ResultRow memoryRow(long n, String what, long kb) {
        Samples s = new Samples();
        s.add(kb / 1024.0);
        return new ResultRow(n, what, "MB", s, Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%,d", kb / 1024);
    }

    // ---- the table --------------------------------------------------------------------------------------------------

    private String table(String started, String loadStart, String loadEnd) {
        StringBuilder out = new StringBuilder();
        out.append("## Results of ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n");
        out.append("- Machine: ").append(Machine.describe()).append('\n');
        out.append("- Java: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append('\n');
        out.append("- Heaps: application -Xmx")
                .append(options.appHeap())
                .append(" (import, search, statistics; from N = ")
                .append(String.format(Locale.ROOT, "%,d", LARGE))
                .append(": -Xmx")
                .append(appHeap(LARGE))
                .append("), -Xmx")
                .append(options.exportHeap())
                .append(" (exports); embedded engine ")
                .append(options.engineHeap())
                .append('\n');
        out.append("- Repetitions: imports ")
                .append(options.reps())
                .append(", exports ")
                .append(options.exportReps())
                .append(" (from N = ")
                .append(String.format(Locale.ROOT, "%,d", LARGE))
                .append(": ")
                .append(reps(LARGE))
                .append(" each)")
                .append(", each query and statistic ")
                .append(options.queryRuns())
                .append(" after 3 warm-ups, each chart ")
                .append(options.chartRuns())
                .append(" per language\n");
        out.append("- Started ")
                .append(started)
                .append("; load average at start ")
                .append(loadStart)
                .append(", at end ")
                .append(loadEnd)
                .append('\n');
        long misses =
                rows.stream().filter(r -> r.pass().equals(Optional.of(false))).count();
        long checked = rows.stream().filter(r -> r.pass().isPresent()).count();
        out.append("- Targets met: ")
                .append(checked - misses)
                .append(" of ")
                .append(checked)
                .append('\n');
        out.append("\nRates are medians of the repetitions; times are p50 (median) and p95 of the runs. Ratio = "
                + "Athar's median ÷ the direct median (for rates higher is better, for times lower). ⚠ marks a "
                + "figure whose (max − min) / median exceeds " + ResultRow.WIDE_SPREAD + ".\n\n");
        out.append(ResultRow.header()).append('\n');
        rows.forEach(r -> out.append(r.markdown().replace("| 0 |", "| any |")).append('\n'));
        return out.toString();
    }

    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(pair.substring(eq + 1));
        }
        return params;
    }

    private static String withCursor(String query, Optional<String> cursor) {
        String encoded = parse(query).entrySet().stream()
                .flatMap(e ->
                        e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return cursor.map(c -> (encoded.isEmpty() ? "" : encoded + "&") + "cursor="
                        + URLEncoder.encode(c, StandardCharsets.UTF_8))
                .orElse(encoded);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
