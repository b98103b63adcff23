package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/** Partner registrations in one index, one document per partner (id = the registration id); writes wait for a refresh. */
abstract class PartnerStore<T> {

    /** More partners than an organisation has; the lists show them all. */
    static final int MAX_LISTED = 1000;

    private final ElasticsearchClient client;
    private final String index;
    private final Class<T> type;

    PartnerStore(ElasticsearchClient client, String index, Class<T> type) {
        this.client = client;
        this.index = index;
        this.type = type;
    }

    void create(String id, T document) {
        try {
            client.create(c -> c.index(index).id(id).document(document).refresh(Refresh.True));
        } catch (IOException | ElasticsearchException e) {
            throw failed("store the registration " + id, e);
        }
    }

    List<T> all() {
        try {
            return client
                    .search(
                            s -> s.index(index)
                                    .size(MAX_LISTED)
                                    .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc))),
                            type)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | ElasticsearchException e) {
            throw failed("list the registrations", e);
        }
    }

    private UncheckedIOException failed(String what, Exception e) {
        return new UncheckedIOException(
                "Could not " + what + " in " + index + " (" + e.getMessage() + "); is the engine up?",
                e instanceof IOException io ? io : new IOException(e));
    }
}
