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

/**
 * The engine's copy of the installation's OpenPGP secret key ({@code athar-keys}, id {@value #ID}), which backups
 * carry. It uses the fields every key document has, so the index needs no new mapping.
 */
@Component
class InstallationKeyStore {

    static final String ID = "openpgp";
    static final String ALGORITHM = "openpgp-v4-ed25519-x25519";

    /** The stored key: the ASCII-armoured secret key ring. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyDocument(String key, String algorithm, Instant createdAt) {}

    private final ElasticsearchClient client;

    InstallationKeyStore(ElasticsearchClient client) {
        this.client = client;
    }

    Optional<String> read() throws IOException {
        try {
            return Optional.ofNullable(
                            client.get(g -> g.index(EngineIndices.KEYS).id(ID), KeyDocument.class)
                                    .source())
                    .map(KeyDocument::key);
        } catch (ElasticsearchException e) {
            throw new IOException(
                    "the engine did not return the OpenPGP key (index " + EngineIndices.KEYS + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Stores {@code armoured} unless the engine holds a key already, and returns the one it holds: when two instances
     * start at once, both end with the key stored first.
     */
    String keep(String armoured, Instant now) throws IOException {
        try {
            client.create(c -> c.index(EngineIndices.KEYS).id(ID).document(new KeyDocument(armoured, ALGORITHM, now)));
            return armoured;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return read().orElseThrow(() ->
                        new IOException("the engine reported an OpenPGP key that it then did not return", e));
            }
            throw new IOException("the engine did not store the OpenPGP key: " + e.getMessage(), e);
        }
    }
}
