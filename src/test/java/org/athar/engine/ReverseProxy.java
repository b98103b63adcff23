package org.athar.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A small reverse proxy in front of the test engine, as a cluster behind nginx at {@code /prefix} is: it strips the
 * prefix, forwards method, body and the headers that matter, and remembers which paths it was asked for. With an
 * {@link SSLContext} it speaks HTTPS, as a cluster with its own certificate does.
 */
final class ReverseProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept");
    private static final List<String> RETURNED = List.of("Content-Type", "WWW-Authenticate", "X-elastic-product");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final String prefix;
    final List<String> paths = new CopyOnWriteArrayList<>();

    ReverseProxy(URI target, String prefix, SSLContext tls) throws IOException {
        this.target = target;
        this.prefix = prefix;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::forward);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI asked = exchange.getRequestURI();
            paths.add(asked.getPath());
            if (!asked.getPath().startsWith(prefix + "/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String rest = asked.getRawPath().substring(prefix.length())
                    + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(rest))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String name : RETURNED) {
                response.headers()
                        .allValues(name)
                        .forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
