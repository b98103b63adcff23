package org.athar.backup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.snapshot.SnapshotInfo;
import co.elastic.clients.elasticsearch.snapshot.SnapshotSort;
import co.elastic.clients.elasticsearch.snapshot.Status;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.athar.engine.EngineIndices;
import org.athar.engine.EngineProperties;
import org.springframework.stereotype.Component;

/** Athar's snapshot calls: the repository, snapshots of its indices, and restores of them. */
@Component
class BackupStore {

    private final ElasticsearchClient client;
    private final EngineProperties engine;
    private final BackupProperties properties;
    private volatile String registered;

    BackupStore(ElasticsearchClient client, EngineProperties engine, BackupProperties properties) {
        this.client = client;
        this.engine = engine;
        this.properties = properties;
    }

    /** The repository to use, registering it first where Athar owns it; empty when none is configured. */
    synchronized Optional<String> repository() throws IOException {
        Optional<String> location = properties
                .locationIfSet()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .or(() -> engine.elasticsearch().mode() == EngineProperties.Mode.EMBEDDED
                        ? Optional.of(engine.dataDir()
                                .toAbsolutePath()
                                .normalize()
                                .resolve("backups")
                                .toString())
                        : Optional.empty());
        Optional<String> name =
                properties.repositoryIfSet().or(() -> location.map(l -> BackupProperties.EMBEDDED_REPOSITORY));
        if (name.isPresent() && location.isPresent() && !name.get().equals(registered)) {
            String repo = name.get();
            call(() -> client.snapshot()
                    .createRepository(r ->
                            r.name(repo).repository(b -> b.fs(fs -> fs.settings(s -> s.location(location.get()))))));
            registered = repo;
        }
        return name;
    }

    /** The engine refused a call: its error type (e.g. {@code snapshot_missing_exception}) and reason. */
    static final class Refused extends IOException {
        private final String type;

        Refused(String type, String reason, Throwable cause) {
            super(type + ": " + reason, cause);
            this.type = type;
        }

        String type() {
            return type;
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            String type = e.error() == null ? "" : String.valueOf(e.error().type());
            String reason = e.error() == null
                    ? e.getMessage()
                    : String.valueOf(e.error().reason());
            throw new Refused(type, reason, e);
        }
    }

    void create(String repository, String name, Map<String, Object> metadata) throws IOException {
        Map<String, JsonData> meta = new LinkedHashMap<>();
        metadata.forEach((k, v) -> meta.put(k, JsonData.of(v)));
        call(() -> client.snapshot()
                .create(c -> c.repository(repository)
                        .snapshot(name)
                        .indices(List.of(
                                EngineIndices.REPORTS,
                                EngineIndices.QUARANTINE,
                                EngineIndices.BATCHES,
                                EngineIndices.USERS,
                                EngineIndices.AUDIT,
                                EngineIndices.BRIEFINGS,
                                EngineIndices.LINKS,
                                EngineIndices.PERSONS,
                                EngineIndices.PERSON_CLOSURES,
                                EngineIndices.KEYS,
                                EngineIndices.RECIPIENTS,
                                EngineIndices.SENDERS,
                                EngineIndices.PACKAGES,
                                EngineIndices.LEDGER,
                                EngineIndices.LINKAGE_MODEL))
                        .ignoreUnavailable(true)
                        .includeGlobalState(false)
                        .metadata(meta)
                        .waitForCompletion(false)));
    }

    /** Athar's snapshots, newest first. */
    List<Backup> list(String repository) throws IOException {
        return call(() -> client.snapshot()
                        .get(g -> g.repository(repository)
                                .snapshot("athar-*")
                                .sort(SnapshotSort.StartTime)
                                .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))
                        .snapshots())
                .stream()
                .map(s -> BackupInfo.of(s, Optional.empty()))
                .toList();
    }

    Optional<Backup> find(String repository, String name) throws IOException {
        return findInfo(repository, name).map(s -> BackupInfo.of(s, Optional.empty()));
    }

    /** One backup with its progress and size (reads the repository; slower than {@link #find}). */
    Optional<Backup> findWithStatus(String repository, String name) throws IOException {
        Optional<SnapshotInfo> info = findInfo(repository, name);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Optional<Status> status = call(
                () -> client.snapshot().status(s -> s.repository(repository).snapshot(name)).snapshots().stream()
                        .findFirst());
        return Optional.of(BackupInfo.of(info.get(), status));
    }

    private Optional<SnapshotInfo> findInfo(String repository, String name) throws IOException {
        try {
            return client.snapshot().get(g -> g.repository(repository).snapshot(name)).snapshots().stream()
                    .findFirst();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            return call(() -> {
                throw e;
            });
        }
    }

    /** Waits until the snapshot is no longer running and returns it as it ended. */
    Backup awaitSnapshot(String repository, String name, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<Backup> info = find(repository, name);
            if (info.isPresent() && info.get().state() != Backup.State.IN_PROGRESS) {
                return info.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new BackupException(
                        BackupException.Kind.FAILED,
                        "the snapshot " + name + " did not finish "
                                + "within " + timeout.toMinutes()
                                + " minutes; look at it with GET /api/v1/admin/backups/"
                                + name + " and try again when it has");
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Import batches recorded as running (a batch cut by a stop of Athar is marked interrupted at the next start). */
    long runningImports() throws IOException {
        if (!exists(EngineIndices.BATCHES)) {
            return 0;
        }
        return call(() -> client.count(c -> c.index(EngineIndices.BATCHES)
                        .query(q -> q.term(t -> t.field("status").value("running")))))
                .count();
    }

    long count(String alias) throws IOException {
        try {
            return client.count(c -> c.index(alias)).count();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return 0;
            }
            return call(() -> {
                throw e;
            });
        }
    }

    /** The concrete indices behind an alias (empty when the alias does not exist). */
    List<String> indicesBehind(String alias) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return List.of();
        }
        return new ArrayList<>(call(() -> client.indices().getAlias(a -> a.name(alias)))
                .result()
                .keySet());
    }

    boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    void delete(List<String> indices) throws IOException {
        if (!indices.isEmpty()) {
            call(() -> client.indices().delete(d -> d.index(indices)));
        }
    }

    /** Restores {@code indices} from the snapshot with their aliases and waits until their primaries are active. */
    void restore(String repository, String name, List<String> indices) throws IOException {
        restoreAndWait(
                r -> r.repository(repository)
                        .snapshot(name)
                        .indices(indices)
                        .includeAliases(true)
                        .includeGlobalState(false),
                indices);
    }

    /** Restores one index from the snapshot under another name, without its aliases. */
    void restoreAs(String repository, String name, String index, String newName) throws IOException {
        restoreAndWait(
                r -> r.repository(repository)
                        .snapshot(name)
                        .indices(index)
                        .includeAliases(false)
                        .includeGlobalState(false)
                        .renamePattern(Pattern.quote(index))
                        .renameReplacement(newName),
                List.of(newName));
    }

    // wait_for_completion returns once every primary has been recovered from the repository. A restore that
    // outlasts the client's socket timeout goes on in the engine: then poll until the indices answer.
    private void restoreAndWait(
            Function<
                            co.elastic.clients.elasticsearch.snapshot.RestoreRequest.Builder,
                            co.elastic.clients.elasticsearch.snapshot.RestoreRequest.Builder>
                    request,
            List<String> indices)
            throws IOException {
        try {
            call(() -> client.snapshot().restore(r -> request.apply(r).waitForCompletion(true)));
        } catch (Refused refused) {
            throw refused;
        } catch (IOException timedOut) {
            // still running in the engine
        }
        awaitActive(indices);
    }

    // Yellow = every primary shard, so every document, is back; then a count proves the indices answer searches.
    private void awaitActive(List<String> indices) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            co.elastic.clients.elasticsearch.cluster.HealthResponse health;
            try {
                health = call(() -> client.cluster()
                        .health(h -> h.index(indices)
                                .waitForStatus(HealthStatus.Yellow)
                                .waitForNoInitializingShards(true)
                                .level(co.elastic.clients.elasticsearch._types.Level.Indices)
                                .timeout(t -> t.time("20s"))));
            } catch (IOException notYet) {
                // A timed-out health request answers 408, which the client may report as a failure.
                sleep(Duration.ofMillis(500));
                continue;
            }
            // The restore request returns before its indices are in the cluster state: wait until each is there.
            if (!health.timedOut()
                    && health.indices().keySet().containsAll(indices)
                    && health.indices().values().stream().noneMatch(i -> i.status() == HealthStatus.Red)
                    && answers(indices)) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new BackupException(
                BackupException.Kind.FAILED,
                "the restored indices " + indices + " did not "
                        + "become available within 30 minutes; check the engine's disk space and logs");
    }

    private boolean answers(List<String> indices) {
        try {
            client.count(c -> c.index(indices));
            return true;
        } catch (IOException | ElasticsearchException notYet) {
            return false;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(BackupException.Kind.FAILED, "interrupted while waiting for a snapshot");
        }
    }
}
