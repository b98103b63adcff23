package org.athar.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.athar.engine.EngineCredentials;

/** Asks Elasticsearch directly (not through Athar) what is stored: the test's independent count. */
final class EngineProbe {

    private final URI engine;
    private final EngineCredentials credentials;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Signs in with {@code credentials}, as Athar does: the engine refuses requests without them. */
    EngineProbe(URI engine, EngineCredentials credentials) {
        this.engine = engine;
        this.credentials = credentials;
    }

    JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(engine.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", credentials.authorization())
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return AtharApi.JSON.readTree(r.body());
    }

    void refresh() throws IOException, InterruptedException {
        call("POST", "/athar-reports,athar-quarantine,athar-batches/_refresh", null);
    }

    long count(String index) throws IOException, InterruptedException {
        return call("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    /**
     * Every stored report as "source|report_id", read with a scroll; a report stored twice would appear twice in the
     * list, so list size and set size together say "no duplicate".
     */
    List<String> reportKeys() throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        JsonNode page = call(
                "POST",
                "/athar-reports/_search?scroll=1m",
                "{\"size\":10000,\"_source\":[\"source\",\"report_id\"],\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                keys.add(hit.path("_source").path("source").asText() + "|"
                        + hit.path("_source").path("report_id").asText());
            }
            page = call(
                    "POST",
                    "/_search/scroll",
                    "{\"scroll\":\"1m\",\"scroll_id\":\""
                            + page.path("_scroll_id").asText() + "\"}");
        }
        return keys;
    }

    /** The data row numbers the quarantine holds for one batch. */
    Set<Long> quarantinedRows(String batchId) throws IOException, InterruptedException {
        Set<Long> rows = new HashSet<>();
        JsonNode page = call(
                "POST",
                "/athar-quarantine/_search?scroll=1m",
                "{\"size\":10000,\"_source\":" + "[\"row_number\"],\"query\":{\"term\":{\"batch_id\":\"" + batchId
                        + "\"}},\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                rows.add(hit.path("_source").path("row_number").asLong());
            }
            page = call(
                    "POST",
                    "/_search/scroll",
                    "{\"scroll\":\"1m\",\"scroll_id\":\""
                            + page.path("_scroll_id").asText() + "\"}");
        }
        return rows;
    }
}
