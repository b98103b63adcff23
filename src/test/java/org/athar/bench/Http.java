package org.athar.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.athar.engine.EngineCredentials;

/** HTTP/1.1 to Athar (as the admin, with an API token) and straight to its engine, from one client. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI athar;
    private final URI engine;
    private final String engineAuth;
    private final String auth;

    /**
     * Calls Athar with the API token {@code token} (as a script does, see docs/security.md) and the engine with its
     * account for Athar (the engine refuses requests without it).
     */
    Http(URI athar, URI engine, EngineCredentials engineCredentials, String token) {
        this.athar = athar;
        this.engine = engine;
        this.engineAuth = engineCredentials.authorization();
        this.auth = "Bearer " + token;
    }

    /** GET from Athar's API; the body. */
    String athar(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(athar.resolve(path))
                        .header("Authorization", auth)
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return ok(r, "GET " + path).body();
    }

    /** Uploads a file to Athar as a multipart form, as a browser or curl -F would; the response body. */
    String upload(String path, Path file) throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(athar.resolve(path))
                .header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return ok(client.send(request, HttpResponse.BodyHandlers.ofString()), "POST " + path)
                .body();
    }

    /** Downloads from Athar's API to nowhere; the row count the response announced (X-Athar-Rows). */
    long drain(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(
                HttpRequest.newBuilder(athar.resolve(path))
                        .header("Authorization", auth)
                        .timeout(Duration.ofHours(2))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": "
                        + new String(in.readNBytes(2000), StandardCharsets.UTF_8));
            }
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (bytes == 0) {
            throw new IllegalStateException("GET " + path + " sent an empty file");
        }
        return Long.parseLong(r.headers().firstValue("X-Athar-Rows").orElseThrow());
    }

    /** A request straight to the engine; the body. */
    String engine(String method, String path, String body) throws IOException, InterruptedException {
        return new String(engineBytes(method, path, body), StandardCharsets.UTF_8);
    }

    byte[] engineBytes(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(engine.resolve("/" + path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Authorization", engineAuth)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /**
     * Sends an NDJSON file of action and document line pairs to {@code _bulk}, {@code operations} per request, with
     * {@code connections} requests in flight.
     */
    void bulk(Path ndjson, int operations, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try (BufferedReader in = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                running.add(pool.submit(() -> {
                    for (Optional<byte[]> next = next(in, operations); next.isPresent(); next = next(in, operations)) {
                        HttpResponse<String> r = client.send(
                                HttpRequest.newBuilder(engine.resolve("/_bulk"))
                                        .header("Content-Type", "application/x-ndjson")
                                        .header("Authorization", engineAuth)
                                        .timeout(Duration.ofMinutes(5))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(next.get()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        ok(r, "POST _bulk");
                        if (r.body().contains("\"errors\":true")) {
                            throw new IllegalStateException("the engine refused documents: "
                                    + r.body()
                                            .substring(
                                                    0, Math.min(2000, r.body().length())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<byte[]> next(BufferedReader in, int operations) throws IOException {
        synchronized (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(operations * 1600);
            for (int i = 0; i < operations * 2; i++) {
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            return out.size() == 0 ? Optional.empty() : Optional.of(out.toByteArray());
        }
    }

    private static <T> HttpResponse<T> ok(HttpResponse<T> r, String what) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
