package org.athar.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/** Waits, through the API, for a real mid-point of an import: its batch confirmed at least a share of the rows. */
final class MidImport {

    private MidImport() {}

    static JsonNode await(AtharApi api, FaultFile file, double share, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = file.path().getFileName().toString();
        long wanted = (long) (file.rows() * share);
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> batch = api.newestBatch(name);
            if (batch.isPresent()) {
                String status = batch.get().path("status").asText();
                if (!"running".equals(status)) {
                    throw new AssertionError(
                            "the import ended (" + status + ") before the test could cut it: " + batch.get());
                }
                if (AtharApi.confirmed(batch.get()) >= wanted) {
                    return batch.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not confirm " + wanted + " rows within " + timeout);
    }

    /** Polls the batch until it has the given status (its end is recorded once the engine answers again). */
    static JsonNode awaitStatus(AtharApi api, FaultFile file, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = file.path().getFileName().toString();
        Optional<JsonNode> batch = Optional.empty();
        while (System.nanoTime() < deadline) {
            batch = api.newestBatch(name);
            if (batch.isPresent() && status.equals(batch.get().path("status").asText())) {
                return batch.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the batch of " + name + " did not become " + status + " within " + timeout + ": "
                + batch.map(JsonNode::toString).orElse("(no batch)"));
    }
}
