package org.athar.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Athar's REST API as a script calls it: HTTP Basic as admin, JSON answers. */
final class AtharApi {

    /** An answer: status, content type, body and (where the caller needs them) the headers. */
    record Answer(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.util.Map.of());
        }

        /** The first value of a header (names compared without case, as HTTP/1.1 does), or empty. */
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + ", " + contentType + "): " + body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AtharApi(URI base, String user, String password) {
        this.base = base;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return get(path, "application/json");
    }

    /** A GET asking for {@code accept} (e.g. {@code text/plain}), the answer read as text. */
    Answer get(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.body(),
                r.headers().map());
    }

    /** A GET whose body (a file: a package, a workbook) is written to {@code target}; the body of the answer is empty. */
    Answer download(String path, Path target) throws IOException, InterruptedException {
        HttpResponse<Path> r = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofFile(target));
        String type = r.headers().firstValue("Content-Type").orElse("");
        // An error is a small problem document: read it back so that an assertion can show it.
        String body = r.statusCode() == 200 ? "" : java.nio.file.Files.readString(target);
        return new Answer(r.statusCode(), type, body, r.headers().map());
    }

    /** Posts a JSON body (empty for none). */
    Answer post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** Uploads a file to {@code POST /api/v1/imports}; the future completes with the answer when the import ends. */
    CompletableFuture<Answer> upload(Path file) throws IOException {
        return upload(file, "text/csv");
    }

    /** As {@link #upload(Path)}, the part declared as {@code contentType} (e.g. a package's application/octet-stream). */
    CompletableFuture<Answer> upload(Path file, String contentType) throws IOException {
        String boundary = "athar-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/imports"))
                .timeout(Duration.ofMinutes(15))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(
                        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
    }

    /** The newest batch of the file, as {@code GET /api/v1/imports} lists it. */
    Optional<JsonNode> newestBatch(String fileName) throws IOException, InterruptedException {
        Answer a = get("api/v1/imports");
        if (a.status() != 200) {
            return Optional.empty();
        }
        for (JsonNode b : a.json()) {
            if (fileName.equals(b.path("file_name").asText())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    static long confirmed(JsonNode batch) {
        return batch.path("indexed").asLong()
                + batch.path("updated").asLong()
                + batch.path("unchanged").asLong()
                + batch.path("rejected").asLong();
    }
}
