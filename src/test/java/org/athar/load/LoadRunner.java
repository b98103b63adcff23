package org.athar.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Simulated users against a running Athar over HTTP: each signs in on the sign-in form once and then, until the time
 * is up, searches (Arabic and Latin names, filters, next pages), reads statistics and charts and makes small exports
 * as its role allows, with a short pause between requests; meanwhile one upload imports a large file through
 * {@code POST /api/v1/imports}. Every answer must be 2xx and well-formed (JSON that parses with the expected fields,
 * SVG, PNG, CSV, XLSX); anything else counts as an error with its reason. Prints requests, errors and p50/p95/max
 * latency per kind. Used by {@link ConcurrentUsersIT} and by hand through {@link #main}.
 */
public final class LoadRunner {

    private static final java.util.regex.Pattern LOGIN_TOKEN =
            java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** A simulated user and the role it was created with (it decides what the user asks for). */
    public record User(String role, String username, String password) {}

    /** What to run: where, who, how long, which file to import (as whom) while the users run. */
    public record Settings(
            URI base,
            List<User> users,
            Duration duration,
            Duration maxThink,
            Optional<Path> importFile,
            String importSource,
            Optional<User> importer) {}

    /** Latencies and failures of one kind of request. */
    public static final class Kind {
        private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        public int requests() {
            return millis.size();
        }

        public List<String> errors() {
            return List.copyOf(errors);
        }

        long percentile(double p) {
            List<Long> sorted;
            synchronized (millis) {
                sorted = new ArrayList<>(millis);
            }
            if (sorted.isEmpty()) {
                return 0;
            }
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** The outcome: per kind, the import's answer, and the table as printed. */
    public record Result(Map<String, Kind> kinds, Optional<JsonNode> importAnswer, String table) {

        public long errors() {
            return kinds.values().stream().mapToLong(k -> k.errors().size()).sum();
        }

        public long requests() {
            return kinds.values().stream().mapToLong(Kind::requests).sum();
        }
    }

    private static final String[] NAMES = {
        "محمد",
        "أحمد",
        "الخطيب",
        "علي",
        "حسين",
        "عبد الله",
        "Mohammad",
        "Ahmad",
        "Khaled",
        "Hussein",
        "Ali",
        "Omar",
        "Rana",
        "سامر",
        "Mahmoud",
        "يوسف",
        "Fatima",
        "مريم"
    };
    private static final String[] DIMENSIONS = {
        "governorate", "perpetrator", "status", "gender", "age_group", "year", "quarter", "month", "district", "source"
    };
    private static final String[] PERPETRATORS = {"government", "isis", "hts", "armed-opposition", "sdf", "other"};

    private final Settings settings;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile long deadline;

    public LoadRunner(Settings settings) {
        this.settings = settings;
    }

    public Result run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.users().size() + 1);
        deadline = System.nanoTime() + settings.duration().toNanos();
        Future<Optional<JsonNode>> upload = pool.submit(this::importFile);
        List<Future<?>> users = new ArrayList<>();
        for (int i = 0; i < settings.users().size(); i++) {
            User user = settings.users().get(i);
            long seed = i;
            users.add(pool.submit(() -> {
                simulate(user, new SplittableRandom(seed));
                return null;
            }));
        }
        for (Future<?> user : users) {
            user.get();
        }
        Optional<JsonNode> answer = upload.get();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return new Result(new TreeMap<>(kinds), answer, table());
    }

    private void simulate(User user, SplittableRandom random) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        timed("sign-in", () -> {
            // As a browser: the sign-in page first, for the CSRF token its form must send.
            String page = http.send(
                            HttpRequest.newBuilder(settings.base().resolve("/login"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            java.util.regex.Matcher token = LOGIN_TOKEN.matcher(page);
            if (!token.find()) {
                return "the sign-in page carried no CSRF token";
            }
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(settings.base().resolve("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user.username()) + "&password="
                                    + enc(user.password()) + "&_csrf=" + enc(token.group(1))))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String location = r.headers().firstValue("Location").orElse("");
            return r.statusCode() == 302 && !location.contains("error")
                    ? null
                    : "sign-in answered " + r.statusCode() + " to " + location;
        });
        while (System.nanoTime() < deadline) {
            step(http, user.role(), random);
            pause(random);
        }
    }

    private void step(HttpClient http, String role, SplittableRandom random) {
        boolean names = role.equals("ADMIN") || role.equals("ANALYST");
        boolean search = !role.equals("ADVOCACY");
        int dice = random.nextInt(100);
        if (search && dice < 35) {
            String query = filters(random, false).replace("size=20", "size=" + (random.nextBoolean() ? 20 : 50))
                    + (names && random.nextInt(3) > 0 ? "&q=" + enc(NAMES[random.nextInt(NAMES.length)]) : "");
            String next = get(http, "search", "/api/v1/reports?" + query, body -> {
                JsonNode page = json.readTree(body);
                return page.has("total") && page.get("hits").isArray() ? null : "no total/hits";
            });
            if (next != null && random.nextBoolean()) {
                try {
                    JsonNode cursor = json.readTree(next).get("next");
                    if (cursor != null && !cursor.isNull()) {
                        get(
                                http,
                                "search-next",
                                "/api/v1/reports?" + query + "&cursor=" + enc(cursor.asText()),
                                body -> json.readTree(body).get("hits").isArray() ? null : "no hits");
                    }
                } catch (IOException e) {
                    // counted as an error of "search" already
                }
            }
        } else if (dice < 55) {
            get(
                    http,
                    "stats",
                    "/api/v1/stats/" + DIMENSIONS[random.nextInt(DIMENSIONS.length)] + "?" + filters(random, true),
                    body -> json.readTree(body).get("buckets").isArray() ? null : "no buckets");
        } else if (dice < 62) {
            get(
                    http,
                    "stats-crosstab",
                    "/api/v1/stats/crosstab?rows=governorate&columns=" + (random.nextBoolean() ? "perpetrator" : "year")
                            + "&" + filters(random, true),
                    body -> json.readTree(body).get("cells").isArray() ? null : "no cells");
        } else if (dice < 68) {
            get(
                    http,
                    "stats-dashboard",
                    "/api/v1/stats/dashboard?" + filters(random, true),
                    body -> json.readTree(body).has("series") ? null : "no series");
        } else if (dice < 78) {
            String chart = random.nextBoolean() ? "breakdown.svg?by=perpetrator" : "timeline.svg?granularity=year";
            get(
                    http,
                    "chart-svg",
                    "/api/v1/charts/" + chart + "&" + filters(random, true),
                    body -> new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8).contains("<svg")
                            ? null
                            : "not SVG");
        } else if (dice < 85) {
            get(
                    http,
                    "chart-png",
                    "/api/v1/charts/map.png?width=800&height=500&dpi=96&" + filters(random, true),
                    body -> body.length > 8 && body[1] == 'P' && body[2] == 'N' && body[3] == 'G' ? null : "not PNG");
        } else if (dice < 93 && names) {
            int month = 1 + random.nextInt(9);
            get(
                    http,
                    "export-csv",
                    "/api/v1/exports/records.csv?governorate=SY0" + (1 + random.nextInt(9)) + "&from=2013-0" + month
                            + "-01&to=2013-0" + (month + random.nextInt(10 - month)) + "-28",
                    body -> new String(body, StandardCharsets.UTF_8).contains("report_id") ? null : "no header");
        } else {
            get(
                    http,
                    "export-xlsx",
                    "/api/v1/exports/workbook.xlsx?governorate=SY0" + (1 + random.nextInt(9))
                            + "&from=2014-01-01&to=2014-12-31&lang=" + (random.nextBoolean() ? "ar" : "en"),
                    body -> body.length > 4 && body[0] == 'P' && body[1] == 'K' ? null : "not a zip");
        }
    }

    /** Random filters; {@code lang} only where the endpoint labels something (statistics, charts). */
    private static String filters(SplittableRandom random, boolean lang) {
        StringBuilder f = new StringBuilder(lang ? "lang=" + (random.nextBoolean() ? "ar" : "en") : "size=20");
        if (random.nextInt(3) == 0) {
            f.append("&governorate=SY").append(String.format(Locale.ROOT, "%02d", 1 + random.nextInt(14)));
        }
        if (random.nextInt(4) == 0) {
            f.append("&perpetrator=").append(PERPETRATORS[random.nextInt(PERPETRATORS.length)]);
        }
        if (random.nextInt(3) == 0) {
            int year = 2011 + random.nextInt(10);
            f.append("&from=")
                    .append(year)
                    .append("-01-01&to=")
                    .append(year + random.nextInt(3))
                    .append("-12-31");
        }
        return f.toString();
    }

    @FunctionalInterface
    private interface Check {
        /** Null when the body is as expected, else what is wrong. */
        String problem(byte[] body) throws IOException;
    }

    @FunctionalInterface
    private interface Timed {
        String call() throws Exception;
    }

    /** A GET; returns the body when it was good (for a next page), else null. */
    private String get(HttpClient http, String kind, String path, Check check) {
        String[] body = new String[1];
        timed(kind, () -> {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(settings.base().resolve(path))
                            .timeout(Duration.ofMinutes(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                return r.statusCode() + " " + path + " "
                        + new String(r.body(), 0, Math.min(r.body().length, 300), StandardCharsets.UTF_8);
            }
            String problem = check.problem(r.body());
            if (problem == null) {
                body[0] = new String(r.body(), StandardCharsets.UTF_8);
                return null;
            }
            return problem + " " + path;
        });
        return body[0];
    }

    private void timed(String kind, Timed call) {
        Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
        long started = System.nanoTime();
        String problem;
        try {
            problem = call.call();
        } catch (Exception e) {
            problem = e.toString();
        }
        k.millis.add((System.nanoTime() - started) / 1_000_000);
        if (problem != null) {
            k.errors.add(problem);
        }
    }

    private Optional<JsonNode> importFile() {
        if (settings.importFile().isEmpty() || settings.importer().isEmpty()) {
            return Optional.empty();
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        User importer = settings.importer().get();
        JsonNode[] answer = new JsonNode[1];
        timed("import", () -> {
            String boundary = "athar" + UUID.randomUUID();
            Path file = settings.importFile().get();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(
                                    settings.base().resolve("/api/v1/imports?source=" + enc(settings.importSource())))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((importer.username() + ":" + importer.password())
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .timeout(Duration.ofMinutes(30))
                            .POST(HttpRequest.BodyPublishers.concat(
                                    HttpRequest.BodyPublishers.ofString(head),
                                    HttpRequest.BodyPublishers.ofFile(file),
                                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "import answered " + r.statusCode() + ": " + r.body();
            }
            answer[0] = json.readTree(r.body());
            return null;
        });
        return Optional.ofNullable(answer[0]);
    }

    private void pause(SplittableRandom random) {
        long think = settings.maxThink().toMillis();
        if (think > 0) {
            try {
                Thread.sleep(random.nextLong(think / 4, think + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                deadline = 0;
            }
        }
    }

    private String table() {
        StringBuilder t = new StringBuilder(String.format(
                Locale.ROOT,
                "%-16s %9s %7s %9s %9s %9s%n",
                "kind",
                "requests",
                "errors",
                "p50 ms",
                "p95 ms",
                "max ms"));
        long requests = 0;
        long errors = 0;
        for (Map.Entry<String, Kind> e : new TreeMap<>(kinds).entrySet()) {
            Kind k = e.getValue();
            requests += k.requests();
            errors += k.errors().size();
            t.append(String.format(
                    Locale.ROOT,
                    "%-16s %9d %7d %9d %9d %9d%n",
                    e.getKey(),
                    k.requests(),
                    k.errors().size(),
                    k.percentile(0.50),
                    k.percentile(0.95),
                    k.percentile(1.0)));
        }
        t.append(String.format(
                Locale.ROOT,
                "%-16s %9d %7d   (%d users, %d s, %.1f requests/s)%n",
                "all",
                requests,
                errors,
                settings.users().size(),
                settings.duration().toSeconds(),
                requests / (double) Math.max(1, settings.duration().toSeconds())));
        return t.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * By hand, against a running Athar:
     * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.athar.load.LoadRunner
     * --base http://localhost:8080 --user ANALYST:ana:secret --user WRITER:wri:secret --duration 300
     * [--think-ms 1000] [--import reports.csv --importer admin:secret] [--figures target/load-figures.txt]}.
     * Each {@code --user} is one simulated user; repeat one to run several sessions of the same account.
     */
    public static void main(String[] args) throws Exception {
        URI base = URI.create("http://localhost:8080");
        List<User> users = new ArrayList<>();
        Duration duration = Duration.ofMinutes(5);
        Duration think = Duration.ofMillis(1000);
        Optional<Path> file = Optional.empty();
        Optional<User> importer = Optional.empty();
        Path figures = Path.of("target", "load-figures.txt");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--base" -> base = URI.create(value);
                case "--user" -> {
                    String[] p = value.split(":", 3);
                    users.add(new User(p[0].toUpperCase(Locale.ROOT), p[1], p[2]));
                }
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--think-ms" -> think = Duration.ofMillis(Long.parseLong(value));
                case "--import" -> file = Optional.of(Path.of(value));
                case "--importer" -> {
                    String[] p = value.split(":", 2);
                    importer = Optional.of(new User("ADMIN", p[0], p[1]));
                }
                case "--figures" -> figures = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("give at least one --user ROLE:username:password");
        }
        Result result = new LoadRunner(
                        new Settings(base, users, duration, think, file, "Load test " + UUID.randomUUID(), importer))
                .run();
        System.out.print(result.table());
        result.importAnswer().ifPresent(a -> System.out.println("import: " + a));
        Files.writeString(figures, result.table(), StandardCharsets.UTF_8);
        result.kinds()
                .forEach((kind, k) ->
                        k.errors().stream().limit(5).forEach(e -> System.out.println("error " + kind + ": " + e)));
    }
}
