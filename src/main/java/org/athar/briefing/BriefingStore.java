package org.athar.briefing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
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
 * Briefings in {@code athar-briefings}, one document per briefing (id = the briefing's id). Writes wait for a refresh,
 * so the list an editor returns to already shows the change.
 */
@Component
class BriefingStore {

    /** More briefings than an organisation keeps; the list shows them all, newest change first. */
    static final int MAX_LISTED = 2000;

    private final ElasticsearchClient client;

    BriefingStore(ElasticsearchClient client) {
        this.client = client;
    }

    void save(Briefing briefing) {
        try {
            client.index(i -> i.index(EngineIndices.BRIEFINGS)
                    .id(briefing.id())
                    .document(briefing)
                    .refresh(Refresh.True));
        } catch (IOException | ElasticsearchException e) {
            throw failed("save the briefing " + briefing.id(), e);
        }
    }

    Optional<Briefing> find(String id) {
        try {
            GetResponse<Briefing> r =
                    client.get(g -> g.index(EngineIndices.BRIEFINGS).id(id), Briefing.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException | ElasticsearchException e) {
            throw failed("read the briefing " + id, e);
        }
    }

    List<Briefing> all() {
        try {
            return client
                    .search(
                            s -> s.index(EngineIndices.BRIEFINGS)
                                    .size(MAX_LISTED)
                                    .sort(o -> o.field(f -> f.field("updated").order(SortOrder.Desc))),
                            Briefing.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | ElasticsearchException e) {
            throw failed("list the briefings", e);
        }
    }

    boolean delete(String id) {
        try {
            return client.delete(d -> d.index(EngineIndices.BRIEFINGS).id(id).refresh(Refresh.True))
                            .result()
                    == Result.Deleted;
        } catch (IOException | ElasticsearchException e) {
            throw failed("delete the briefing " + id, e);
        }
    }

    private static UncheckedIOException failed(String what, Exception e) {
        return new UncheckedIOException(
                "Could not " + what + " in " + EngineIndices.BRIEFINGS + " (" + e.getMessage() + "); is the engine up?",
                e instanceof IOException io ? io : new IOException(e));
    }
}
