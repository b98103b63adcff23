package org.athar.engine;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.athar.platform.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Installs the index templates of {@code index-templates/} and creates each alias with its first versioned index,
 * at start and idempotently. Against an external cluster that is not reachable yet it keeps retrying.
 */
@Component
public class IndexLifecycle implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexLifecycle.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Component templates first: the index templates are composed of them. */
    static final List<String> COMPONENT_TEMPLATES = List.of(
            "athar-report-settings",
            "athar-report-mappings",
            "athar-quarantine-mappings",
            "athar-batch-mappings",
            "athar-user-mappings",
            "athar-audit-mappings",
            "athar-briefing-mappings",
            "athar-link-mappings",
            "athar-person-mappings",
            "athar-key-mappings",
            "athar-recipient-mappings",
            "athar-sender-mappings",
            "athar-package-mappings",
            "athar-ledger-mappings",
            "athar-linkage-model-mappings");

    static final List<String> INDEX_TEMPLATES = List.of(
            "athar-reports",
            "athar-quarantine",
            "athar-batches",
            "athar-users",
            "athar-audit",
            "athar-briefings",
            "athar-links",
            "athar-persons",
            "athar-person-closures",
            "athar-keys",
            "athar-recipients",
            "athar-senders",
            "athar-packages",
            "athar-ledger",
            "athar-linkage-model");
    static final List<ManagedIndex> INDICES = List.of(
            new ManagedIndex(EngineIndices.REPORTS, EngineIndices.REPORTS + "-v1", "athar-report-mappings"),
            new ManagedIndex(EngineIndices.QUARANTINE, EngineIndices.QUARANTINE + "-v1", "athar-quarantine-mappings"),
            new ManagedIndex(EngineIndices.BATCHES, EngineIndices.BATCHES + "-v1", "athar-batch-mappings"),
            new ManagedIndex(EngineIndices.USERS, EngineIndices.USERS + "-v1", "athar-user-mappings"),
            new ManagedIndex(EngineIndices.AUDIT, EngineIndices.AUDIT + "-v1", "athar-audit-mappings"),
            new ManagedIndex(EngineIndices.BRIEFINGS, EngineIndices.BRIEFINGS + "-v1", "athar-briefing-mappings"),
            new ManagedIndex(EngineIndices.LINKS, EngineIndices.LINKS + "-v1", "athar-link-mappings"),
            new ManagedIndex(
                    EngineIndices.PERSONS,
                    EngineIndices.PERSONS + "-v1",
                    "athar-report-mappings",
                    "athar-person-mappings"),
            new ManagedIndex(
                    EngineIndices.PERSON_CLOSURES,
                    EngineIndices.PERSON_CLOSURES + "-v1",
                    "athar-report-mappings",
                    "athar-person-mappings"),
            new ManagedIndex(EngineIndices.KEYS, EngineIndices.KEYS + "-v1", "athar-key-mappings"),
            new ManagedIndex(EngineIndices.RECIPIENTS, EngineIndices.RECIPIENTS + "-v1", "athar-recipient-mappings"),
            new ManagedIndex(EngineIndices.SENDERS, EngineIndices.SENDERS + "-v1", "athar-sender-mappings"),
            new ManagedIndex(EngineIndices.PACKAGES, EngineIndices.PACKAGES + "-v1", "athar-package-mappings"),
            new ManagedIndex(EngineIndices.LEDGER, EngineIndices.LEDGER + "-v1", "athar-ledger-mappings"),
            new ManagedIndex(
                    EngineIndices.LINKAGE_MODEL, EngineIndices.LINKAGE_MODEL + "-v1", "athar-linkage-model-mappings"));

    /** An alias Athar reads and writes through, the index it first points at, and the templates with its mapping. */
    record ManagedIndex(String alias, String firstIndex, List<String> mappingTemplates) {
        ManagedIndex(String alias, String firstIndex, String... mappingTemplates) {
            this(alias, firstIndex, List.of(mappingTemplates));
        }
    }

    private final ElasticsearchClient client;
    private final EngineEndpoint endpoint;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final Retry retry;
    private Retry.Attempts retrying;

    IndexLifecycle(ElasticsearchClient client, EngineEndpoint endpoint, Retry retry) {
        this.client = client;
        this.endpoint = endpoint;
        this.retry = retry;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            install();
        } catch (IOException | ElasticsearchException e) {
            if ("embedded".equals(endpoint.mode())) {
                throw new EngineStartException(
                        "Could not install Athar's index templates: " + e.getMessage(),
                        "Read the engine log under athar.data-dir/engine/logs.",
                        e);
            }
            log.warn(
                    "Elasticsearch at {} is not ready ({}); Athar will keep trying every 10 s",
                    endpoint.uris(),
                    e.getMessage());
            retrying = retry.every(Duration.ofSeconds(10), "athar-index-install", this::tryInstall);
        }
    }

    /** True once the templates and aliases are in place. */
    public boolean isReady() {
        return ready.get();
    }

    private boolean tryInstall() {
        try {
            install();
            log.info("Index templates installed on {}", endpoint.uris());
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("still waiting for Elasticsearch: {}", e.getMessage());
            return false;
        }
    }

    synchronized void install() throws IOException {
        for (String name : COMPONENT_TEMPLATES) {
            String body = template("component_template", name);
            if (isNewer(body, installedComponentVersion(name))) {
                client.cluster().putComponentTemplate(b -> b.name(name).withJson(new StringReader(body)));
                log.info("Installed component template {} version {}", name, version(body));
                updateMappingsOfExistingIndices(name, body);
            }
        }
        for (String name : INDEX_TEMPLATES) {
            String body = template("index_template", name);
            if (isNewer(body, installedIndexTemplateVersion(name))) {
                client.indices().putIndexTemplate(b -> b.name(name).withJson(new StringReader(body)));
                log.info("Installed index template {} version {}", name, version(body));
            }
        }
        for (ManagedIndex index : INDICES) {
            if (!client.indices().existsAlias(b -> b.name(index.alias())).value()) {
                client.indices()
                        .create(b -> b.index(index.firstIndex()).aliases(index.alias(), a -> a.isWriteIndex(true)));
                log.info("Created index {} behind alias {}", index.firstIndex(), index.alias());
            }
        }
        ready.set(true);
    }

    // New fields are additive: put them on the live index so no reindex is needed for them.
    private void updateMappingsOfExistingIndices(String componentName, String body) throws IOException {
        JsonNode mappings = JSON.readTree(body).path("template").path("mappings");
        if (mappings.isMissingNode()) {
            return;
        }
        for (ManagedIndex index : INDICES) {
            if (index.mappingTemplates().contains(componentName)
                    && client.indices().existsAlias(b -> b.name(index.alias())).value()) {
                client.indices()
                        .putMapping(b -> b.index(index.alias()).withJson(new StringReader(mappings.toString())));
            }
        }
    }

    private Optional<Long> installedComponentVersion(String name) throws IOException {
        try {
            return client.cluster().getComponentTemplate(b -> b.name(name)).componentTemplates().stream()
                    .findFirst()
                    .flatMap(t -> versionOf(t.componentTemplate().meta()));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<Long> installedIndexTemplateVersion(String name) throws IOException {
        try {
            return client.indices().getIndexTemplate(b -> b.name(name)).indexTemplates().stream()
                    .findFirst()
                    .flatMap(t -> versionOf(t.indexTemplate().meta()));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<Long> versionOf(Map<String, JsonData> meta) {
        return Optional.ofNullable(meta).map(m -> m.get("version")).map(v -> v.to(Long.class));
    }

    private boolean isNewer(String body, Optional<Long> installed) {
        long ours = version(body);
        if (installed.isPresent() && installed.get() > ours) {
            log.warn(
                    "The engine holds a newer template (version {}) than this Athar ({}); leaving it",
                    installed.get(),
                    ours);
        }
        return installed.isEmpty() || installed.get() < ours;
    }

    static long version(String body) {
        try {
            return JSON.readTree(body).path("_meta").path("version").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String template(String kind, String name) {
        String path = "index-templates/" + kind + "/" + name + ".json";
        try (InputStream in = IndexLifecycle.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        if (retrying != null) {
            retrying.cancel();
        }
    }
}
