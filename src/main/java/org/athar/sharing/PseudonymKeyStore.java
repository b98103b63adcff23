package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.springframework.stereotype.Component;

/** The installation's pseudonym key in the engine ({@code athar-keys}, id {@value #ID}), which backups carry. */
@Component
class PseudonymKeyStore {

    static final String ID = "pseudonyms";
    static final String ALGORITHM = "HMAC-SHA-256";

    /** The stored key: Base64 of its bytes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyDocument(String key, String algorithm, Instant createdAt) {}

    private final ElasticsearchClient client;

    PseudonymKeyStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** The key the engine holds (Base64), if it holds one. */
    Optional<String> read() throws IOException {
        try {
            return Optional.ofNullable(
                            client.get(g -> g.index(EngineIndices.KEYS).id(ID), KeyDocument.class)
                                    .source())
                    .map(KeyDocument::key);
        } catch (ElasticsearchException e) {
            throw new IOException(
                    "the engine did not return the pseudonym key (index " + EngineIndices.KEYS + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Stores {@code key} unless the engine holds one already, and returns the one it holds: when two instances make
     * a key at once, both end with the key that was stored first.
     */
    String keep(String key, Instant now) throws IOException {
        try {
            client.create(c -> c.index(EngineIndices.KEYS).id(ID).document(new KeyDocument(key, ALGORITHM, now)));
            return key;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return read().orElseThrow(() ->
                        new IOException("the engine reported a pseudonym key that it then did not return", e));
            }
            throw new IOException("the engine did not store the pseudonym key: " + e.getMessage(), e);
        }
    }
}
