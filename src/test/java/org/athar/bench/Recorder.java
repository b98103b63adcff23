package org.athar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.message.BasicHeader;
import org.apache.http.util.EntityUtils;
import org.athar.engine.EngineCredentials;
import org.athar.report.ReportJson;
import org.elasticsearch.client.RestClient;

/**
 * An Elasticsearch client, built like Athar's own, that records every request it sends (method, path and body), so
 * the benchmark can replay exactly what Athar's code asks of the engine.
 */
final class Recorder implements AutoCloseable {

    /** One request as sent. */
    record Sent(String method, String path, String body) {

        boolean isPointInTime() {
            return path.contains("_pit");
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final RestClient rest;
    final ElasticsearchClient client;

    Recorder(URI engine, EngineCredentials credentials) {
        // Signs in as Athar's client does (the engine refuses requests without its account); the header is not
        // recorded, only method, path and body.
        rest = RestClient.builder(new HttpHost(engine.getHost(), engine.getPort(), engine.getScheme()))
                .setDefaultHeaders(new Header[] {new BasicHeader("Authorization", credentials.authorization())})
                .setHttpClientConfigCallback(b -> b.addInterceptorLast((HttpRequestInterceptor) (request, context) -> {
                    String body = "";
                    if (request instanceof HttpEntityEnclosingRequest e && e.getEntity() != null) {
                        body = EntityUtils.toString(e.getEntity(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    synchronized (sent) {
                        sent.add(new Sent(
                                request.getRequestLine().getMethod(),
                                request.getRequestLine().getUri(),
                                body));
                    }
                }))
                .build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(ReportJson.newMapper())));
    }

    /** The requests sent since the last call, in order. */
    List<Sent> take() {
        synchronized (sent) {
            List<Sent> out = List.copyOf(sent);
            sent.clear();
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
