package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.springframework.stereotype.Component;

/**
 * Drafts and sent packages in {@code athar-packages}, one document per package (id = the package id). Writes wait for
 * a refresh, so the list a user returns to already shows the change. This index is the mutable working list; what
 * left is recorded in the ledger, which never changes.
 */
@Component
class PackageStore {

    /** More packages than the Sharing page lists at once, newest first. */
    static final int MAX_LISTED = 2000;

    private final ElasticsearchClient client;

    PackageStore(ElasticsearchClient client) {
        this.client = client;
    }

    void save(SharePackage p) {
        try {
            client.index(i -> i.index(EngineIndices.PACKAGES)
                    .id(p.packageId())
                    .document(p)
                    .refresh(Refresh.True));
        } catch (IOException | ElasticsearchException e) {
            throw failed("save the package " + p.packageId(), e);
        }
    }

    Optional<SharePackage> find(String packageId) {
        try {
            GetResponse<SharePackage> r =
                    client.get(g -> g.index(EngineIndices.PACKAGES).id(packageId), SharePackage.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException | ElasticsearchException e) {
            throw failed("read the package " + packageId, e);
        }
    }

    List<SharePackage> newestFirst() {
        try {
            return client
                    .search(
                            s -> s.index(EngineIndices.PACKAGES)
                                    .size(MAX_LISTED)
                                    .sort(o ->
                                            o.field(f -> f.field("created_at").order(SortOrder.Desc))),
                            SharePackage.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | ElasticsearchException e) {
            throw failed("list the packages", e);
        }
    }

    private static UncheckedIOException failed(String what, Exception e) {
        return new UncheckedIOException(
                "Could not " + what + " in " + EngineIndices.PACKAGES + " (" + e.getMessage() + "); is the engine up?",
                e instanceof IOException io ? io : new IOException(e));
    }
}
