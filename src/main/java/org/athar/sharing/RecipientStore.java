package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.athar.engine.EngineIndices;
import org.athar.report.Consent;
import org.springframework.stereotype.Component;

/** Recipients in {@code athar-recipients}. */
@Component
class RecipientStore extends PartnerStore<RecipientStore.Document> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Document(
            String id,
            String name,
            String nameFolded,
            String contact,
            String publicKey,
            String fingerprint,
            String fields,
            Instant registeredAt,
            String registeredBy) {

        static Document of(Recipient r) {
            return new Document(
                    r.id(),
                    r.name(),
                    Consent.foldRecipient(r.name()),
                    r.contact(),
                    r.publicKey(),
                    r.fingerprint(),
                    r.fields().code(),
                    r.registeredAt(),
                    r.registeredBy());
        }

        Recipient recipient() {
            return new Recipient(
                    id,
                    name,
                    contact,
                    publicKey,
                    fingerprint,
                    RecipientFields.parse(fields).orElse(RecipientFields.PSEUDONYMISED),
                    registeredAt,
                    registeredBy);
        }
    }

    RecipientStore(ElasticsearchClient client) {
        super(client, EngineIndices.RECIPIENTS, Document.class);
    }

    void save(Recipient recipient) {
        create(recipient.id(), Document.of(recipient));
    }

    List<Recipient> recipients() {
        return all().stream().map(Document::recipient).toList();
    }
}
