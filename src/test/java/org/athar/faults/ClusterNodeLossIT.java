package org.athar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.athar.e2e.PackagedApp;
import org.athar.engine.LoopbackCluster;
import org.junit.jupiter.api.Test;

/**
 * Fault 3: three Elasticsearch nodes on loopback form one cluster (every shard with one replica); Athar runs in
 * external mode against all three. The node holding the reports' primary shard is killed during a 100,000-row
 * import: the import completes (or fails clearly and a re-run completes it), search and statistics keep answering,
 * every report is there with the cluster yellow, and the cluster is green again once the node is back.
 */
class ClusterNodeLossIT {

    private static final String PASSWORD = "synthetic fault-test admin passphrase";
    private static final String TEST = "ClusterNodeLossIT";

    @Test
    void losing_the_node_with_the_primary_mid_import_loses_no_report_and_search_keeps_answering() throws Exception {
        Path dir = FaultDirs.create("cluster");
        FaultFile file = FaultFile.write(dir, 100_000, 50);
        long clusterStarted = System.nanoTime();
        LoopbackCluster cluster = LoopbackCluster.start(dir.resolve("es"), 3, "384m", Duration.ofMinutes(4));
        double clusterGreen = (System.nanoTime() - clusterStarted) / 1e9;
        try (PackagedApp app = PackagedApp.start(
                dir.resolve("data"),
                "fault-cluster.log",
                Map.of(),
                "--athar.elasticsearch.mode=external",
                "--spring.elasticsearch.uris=" + cluster.uris(),
                "--spring.elasticsearch.username=" + cluster.credentials().username(),
                "--spring.elasticsearch.password=" + cluster.credentials().password(),
                "--spring.elasticsearch.connection-timeout=2s",
                "--athar.demo.enabled=false",
                "--athar.security.admin-password=" + PASSWORD)) {
            app.awaitHealth(200, Duration.ofMinutes(3));
            cluster.awaitStatus("green", 3, Duration.ofMinutes(2));
            AtharApi api = new AtharApi(app.base(), "admin", PASSWORD);

            // number_of_replicas is 1 on three nodes (auto_expand_replicas 0-1): every shard has a started replica.
            JsonNode shards = AtharApi.JSON.readTree(
                    cluster.get("/_cat/shards/athar-*?format=json" + "&h=index,shard,prirep,state,node"));
            assertThat(shards.size()).isGreaterThanOrEqualTo(12);
            for (JsonNode s : shards) {
                assertThat(s.path("state").asText()).as(s.toString()).isEqualTo("STARTED");
            }
            assertThat(shards.findValuesAsText("prirep").stream()
                            .filter("r"::equals)
                            .count())
                    .as("one replica per primary")
                    .isEqualTo(shards.findValuesAsText("prirep").stream()
                            .filter("p"::equals)
                            .count());
            JsonNode settings = AtharApi.JSON.readTree(cluster.get("/athar-reports/_settings?flat_settings=true"));
            String replicas = settings.elements()
                    .next()
                    .path("settings")
                    .path("index.number_of_replicas")
                    .asText();
            assertThat(replicas).isEqualTo("1");

            // As for a node expected back (a reboot): its replicas are not rebuilt elsewhere for 10 minutes, so the
            // cluster stays yellow until it returns (the default, 1 minute, would race the checks below).
            new EngineProbe(cluster.anyRunning().uri(), cluster.credentials())
                    .call("PUT", "/athar-*/_settings", "{\"index.unassigned.node_left.delayed_timeout\":\"10m\"}");

            long started = System.nanoTime();
            CompletableFuture<AtharApi.Answer> upload = api.upload(file.path());
            JsonNode mid = MidImport.await(api, file, 0.2, Duration.ofMinutes(5));
            String primaryNode = primaryOfReports(cluster);
            LoopbackCluster.Node victim = cluster.node(primaryNode);
            victim.kill();
            long killed = System.nanoTime();
            double cutAfter = (killed - started) / 1e9;

            // Search and statistics while the cluster notices the loss and promotes the replica.
            List<Long> latencies = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            double yellowAfter = -1;
            while (!upload.isDone() || latencies.size() < 20) {
                for (String path : List.of("api/v1/reports?size=5", "api/v1/stats/governorate")) {
                    long t = System.nanoTime();
                    AtharApi.Answer a = api.get(path);
                    latencies.add((System.nanoTime() - t) / 1_000_000);
                    if (a.status() != 200) {
                        failures.add(path + " -> " + a.status() + " " + a.body());
                    }
                }
                if (yellowAfter < 0 && cluster.get("/_cluster/health").contains("\"number_of_nodes\":2")) {
                    yellowAfter = (System.nanoTime() - killed) / 1e9;
                }
                Thread.sleep(200);
            }
            AtharApi.Answer answer = upload.get(10, TimeUnit.MINUTES);
            double importSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(failures)
                    .as("search and statistics answer during the node loss")
                    .isEmpty();

            String outcome;
            JsonNode r;
            if (answer.status() == 200) {
                outcome = "completed despite the node loss";
                r = answer.json();
                assertThat(r.path("indexed").asLong()
                                + r.path("updated").asLong()
                                + r.path("unchanged").asLong())
                        .isEqualTo(file.goodRows());
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.json().path("error").asText()).contains("Re-running the same file is safe");
                AtharApi.Answer rerun = api.upload(file.path()).get(10, TimeUnit.MINUTES);
                assertThat(rerun.status()).as(rerun.body()).isEqualTo(200);
                outcome = "failed clearly (" + answer.json().path("error").asText() + "), re-run completed";
                r = rerun.json();
            }
            assertThat(r.path("received").asLong()).isEqualTo(file.rows());
            assertThat(r.path("rejected").asLong()).isEqualTo(file.badRows().size());

            cluster.awaitStatus("yellow", 2, Duration.ofMinutes(1));
            EngineProbe engine = new EngineProbe(cluster.anyRunning().uri(), cluster.credentials());
            engine.refresh();
            List<String> keys = engine.reportKeys();
            assertThat(keys).as("every report, with one node gone").hasSize((int) file.goodRows());
            assertThat(new HashSet<>(keys)).isEqualTo(file.goodKeys());
            assertThat(cluster.get("/_cluster/health")).contains("\"status\":\"yellow\"");

            long restarted = System.nanoTime();
            victim.start();
            double greenAfter = cluster.awaitStatus("green", 3, Duration.ofMinutes(4));
            assertThat(engine.count("athar-reports")).isEqualTo(file.goodRows());
            AtharApi.Answer stats = api.get("api/v1/stats/governorate");
            assertThat(stats.status()).isEqualTo(200);

            latencies.sort(Long::compare);
            FaultFigures.print(
                    TEST,
                    "3 nodes green in %.1f s; %,d rows (%,d to quarantine); killed %s (primary of "
                            + "athar-reports) %.1f s into the import at %,d confirmed; import %s after %.1f s; cluster "
                            + "noticed (2 nodes, yellow) %.1f s after the kill; %d search/statistics calls during the fault, "
                            + "all 200, latency median %d ms, max %d ms; %,d reports with the cluster yellow; green %.1f s "
                            + "after restarting the node",
                    clusterGreen,
                    file.rows(),
                    file.badRows().size(),
                    primaryNode,
                    cutAfter,
                    AtharApi.confirmed(mid),
                    outcome,
                    importSeconds,
                    yellowAfter,
                    latencies.size(),
                    latencies.get(latencies.size() / 2),
                    latencies.get(latencies.size() - 1),
                    keys.size(),
                    greenAfter);
        } finally {
            cluster.close();
            FaultDirs.deleteQuietly(dir);
        }
    }

    private static String primaryOfReports(LoopbackCluster cluster) throws Exception {
        JsonNode shards = AtharApi.JSON.readTree(
                cluster.get("/_cat/shards/athar-reports?format=json" + "&h=index,shard,prirep,state,node"));
        for (JsonNode s : shards) {
            if ("p".equals(s.path("prirep").asText())) {
                return s.path("node").asText();
            }
        }
        throw new AssertionError("no primary shard of athar-reports: " + shards);
    }
}
