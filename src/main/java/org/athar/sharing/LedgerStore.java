package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.engine.Scan;
import org.springframework.stereotype.Component;

/**
 * The sharing ledger's only access to the engine. Append-only by construction: every document is written with the
 * engine's {@code create} call, which refuses an id that exists, and this class has no update or delete path
 * (ArchitectureTest keeps it so). An entry's id is its package id, so a package can be recorded once only. The report
 * ids of an entry sit in documents of kind {@code ids}, at most {@link #CHUNK} each, written while the package is
 * written and before its entry; the entry, written last, names the {@code attempt} its ids belong to, so ids of a
 * send that failed halfway are never read as sent.
 */
@Component
class LedgerStore {

    /** Report ids per ids document: 1,000,000 ids are 100 documents, none of them large. */
    static final int CHUNK = 10_000;

    /** More entries than the ledger page lists at once, newest first. */
    static final int MAX_LISTED = 2000;

    static final String IDS = "ids";

    /** A ledger document: an entry (kind package or withdrawal) or a chunk of its report ids (kind ids). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LedgerDocument(
            String packageId,
            String kind,
            String attempt,
            Instant at,
            String by,
            String recipient,
            String recipientFingerprint,
            String filter,
            Long reports,
            String sha256,
            String reason,
            String entryKind,
            Integer chunk,
            List<String> reportIds) {

        LedgerEntry entry() {
            return new LedgerEntry(
                    packageId,
                    LedgerKind.ofCode(kind),
                    at,
                    by,
                    recipient,
                    recipientFingerprint,
                    filter == null ? "" : filter,
                    reports == null ? 0 : reports,
                    sha256,
                    Optional.ofNullable(reason));
        }
    }

    /** A stored entry with the attempt its ids chunks carry. */
    record Stored(LedgerEntry entry, String attempt) {}

    /** One ids chunk that named some of the ids asked about. */
    record Chunk(String packageId, String attempt, List<String> reportIds) {}

    private final ElasticsearchClient client;

    LedgerStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** Records {@code entry}; throws if the ledger already holds an entry with its package id. */
    void createEntry(LedgerEntry entry, String attempt) {
        LedgerDocument doc = new LedgerDocument(
                entry.packageId(),
                entry.kind().code(),
                attempt,
                entry.at(),
                entry.by(),
                entry.recipient(),
                entry.recipientFingerprint(),
                entry.filter(),
                entry.reports(),
                entry.sha256(),
                entry.reason().orElse(null),
                null,
                null,
                null);
        // The refresh makes the entry and the ids chunks written before it searchable together.
        create(
                entry.packageId(),
                doc,
                Refresh.True,
                "record the " + entry.kind().code() + " " + entry.packageId());
    }

    /** Records chunk {@code chunk} of the report ids of the entry {@code packageId} will have. */
    void createIds(
            String packageId, String attempt, LedgerKind kind, String recipient, int chunk, List<String> reportIds) {
        if (reportIds.size() > CHUNK) {
            throw new IllegalArgumentException("at most " + CHUNK + " ids per ledger chunk, not " + reportIds.size());
        }
        LedgerDocument doc = new LedgerDocument(
                packageId,
                IDS,
                attempt,
                null,
                null,
                recipient,
                null,
                null,
                null,
                null,
                null,
                kind.code(),
                chunk,
                List.copyOf(reportIds));
        // No refresh per chunk (a million ids are 100 chunks): the entry's refresh, written last, covers them.
        create(packageId + "-" + attempt + "-" + chunk, doc, Refresh.False, "record the report ids of " + packageId);
    }

    /** Entries, newest first. */
    List<LedgerEntry> newestFirst() {
        try {
            return client
                    .search(
                            s -> s.index(EngineIndices.LEDGER)
                                    .query(q -> q.bool(b -> b.mustNot(
                                            n -> n.term(t -> t.field("kind").value(IDS)))))
                                    .size(MAX_LISTED)
                                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))),
                            LedgerDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .map(LedgerDocument::entry)
                    .toList();
        } catch (IOException | ElasticsearchException e) {
            throw failed("list the ledger", e);
        }
    }

    Optional<Stored> find(String packageId) {
        try {
            GetResponse<LedgerDocument> r =
                    client.get(g -> g.index(EngineIndices.LEDGER).id(packageId), LedgerDocument.class);
            return Optional.ofNullable(r.found() ? r.source() : null)
                    .filter(d -> !IDS.equals(d.kind()))
                    .map(d -> new Stored(d.entry(), d.attempt()));
        } catch (IOException | ElasticsearchException e) {
            throw failed("read the ledger entry " + packageId, e);
        }
    }

    /** The report ids of one entry's attempt, chunk by chunk in order, two chunks in memory at most. */
    void forEachId(String packageId, String attempt, Consumer<String> each) {
        try {
            Scan.of(client, EngineIndices.LEDGER, LedgerDocument.class)
                    .query(Query.of(q -> q.bool(b -> b.filter(
                                    f -> f.term(t -> t.field("kind").value(IDS)))
                            .filter(f -> f.term(t -> t.field("package_id").value(packageId)))
                            .filter(f -> f.term(t -> t.field("attempt").value(attempt))))))
                    .sortBy("chunk", SortOrder.Asc)
                    .pageSize(2)
                    .forEach(d -> d.reportIds().forEach(each));
        } catch (IOException | ElasticsearchException e) {
            throw failed("read the report ids of " + packageId, e);
        }
    }

    /**
     * The ids chunks naming any of {@code reportIds} (optionally only those of {@code entryKind} sent to
     * {@code recipient}), each reduced to the ids asked about.
     */
    List<Chunk> chunksNaming(Collection<String> reportIds, Optional<LedgerKind> entryKind, Optional<String> recipient) {
        List<FieldValue> values = reportIds.stream().map(FieldValue::of).toList();
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("kind").value(IDS)));
            b.filter(f -> f.terms(t -> t.field("report_ids").terms(v -> v.value(values))));
            entryKind.ifPresent(k ->
                    b.filter(f -> f.term(t -> t.field("entry_kind").value(k.code()))));
            recipient.ifPresent(
                    r -> b.filter(f -> f.term(t -> t.field("recipient").value(r))));
            return b;
        }));
        Set<String> asked = new HashSet<>(reportIds);
        List<Chunk> found = new ArrayList<>();
        try {
            Scan.of(client, EngineIndices.LEDGER, LedgerDocument.class)
                    .query(query)
                    .sortBy("package_id", SortOrder.Asc)
                    .pageSize(2)
                    .forEach(d -> found.add(new Chunk(
                            d.packageId(),
                            d.attempt(),
                            d.reportIds().stream().filter(asked::contains).toList())));
            return found;
        } catch (IOException | ElasticsearchException e) {
            throw failed("find reports in the ledger", e);
        }
    }

    private void create(String id, LedgerDocument doc, Refresh refresh, String what) {
        try {
            client.create(
                    c -> c.index(EngineIndices.LEDGER).id(id).document(doc).refresh(refresh));
        } catch (IOException | ElasticsearchException e) {
            throw failed(what, e);
        }
    }

    private static UncheckedIOException failed(String what, Exception e) {
        return new UncheckedIOException(
                "Could not " + what + " in " + EngineIndices.LEDGER + " (" + e.getMessage() + "); is the engine up?",
                e instanceof IOException io ? io : new IOException(e));
    }
}
