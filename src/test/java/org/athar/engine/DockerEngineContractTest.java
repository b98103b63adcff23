package org.athar.engine;

import java.net.URI;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same engine contract on the official Elasticsearch image. Needs a Docker engine: without one (as on our build
 * machines) JUnit reports these tests as skipped with the reason, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerEngineContractTest extends EngineContract {

    @Container
    static final ElasticsearchContainer ELASTICSEARCH = new ElasticsearchContainer(
                    "docker.elastic.co/elasticsearch/elasticsearch:8.19.7")
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

    @Override
    URI engineUri() {
        return URI.create("http://" + ELASTICSEARCH.getHttpHostAddress());
    }
}
