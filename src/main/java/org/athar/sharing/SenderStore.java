package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.athar.engine.EngineIndices;
import org.athar.report.Consent;
import org.springframework.stereotype.Component;

/** Senders in {@code athar-senders}. */
@Component
class SenderStore extends PartnerStore<SenderStore.Document> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Document(
            String id,
            String name,
            String nameFolded,
            String publicKey,
            String fingerprint,
            Instant registeredAt,
            String registeredBy) {

        static Document of(Sender s) {
            return new Document(
                    s.id(),
                    s.name(),
                    Consent.foldRecipient(s.name()),
                    s.publicKey(),
                    s.fingerprint(),
                    s.registeredAt(),
                    s.registeredBy());
        }

        Sender sender() {
            return new Sender(id, name, publicKey, fingerprint, registeredAt, registeredBy);
        }
    }

    SenderStore(ElasticsearchClient client) {
        super(client, EngineIndices.SENDERS, Document.class);
    }

    void save(Sender sender) {
        create(sender.id(), Document.of(sender));
    }

    List<Sender> senders() {
        return all().stream().map(Document::sender).toList();
    }
}
