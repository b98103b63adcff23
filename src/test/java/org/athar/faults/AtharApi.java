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

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {

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
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
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
        String boundary = "athar-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
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
