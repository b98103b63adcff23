package org.athar.engine;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * An external cluster as {@code spring.elasticsearch.*} describes it, read the way Spring Boot reads it: nodes from
 * {@code uris} (a URI's user info, {@code https://user:pass@host:9200}, becomes that node's credentials),
 * {@code path-prefix}, and the SSL bundle named by {@code restclient.ssl.bundle}. Boot's own reader belongs to the
 * client auto-configuration, which Athar turns off because it builds its own client; a connection details bean from
 * elsewhere (a service connection) takes precedence over this one.
 */
record SpringConnectionDetails(ElasticsearchProperties properties, SslBundles sslBundles)
        implements ElasticsearchConnectionDetails {

    static final String SSL_BUNDLE = "spring.elasticsearch.restclient.ssl.bundle";
    static final String PATH_PREFIX = "spring.elasticsearch.path-prefix";

    @Override
    public List<Node> getNodes() {
        return properties.getUris().stream().map(SpringConnectionDetails::node).toList();
    }

    @Override
    public String getUsername() {
        return properties.getUsername();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }

    @Override
    public String getPathPrefix() {
        return properties.getPathPrefix();
    }

    @Override
    public SslBundle getSslBundle() {
        String name = properties.getRestclient().getSsl().getBundle();
        if (!StringUtils.hasText(name)) {
            return null;
        }
        if (sslBundles == null) {
            throw new EngineStartException(
                    SSL_BUNDLE + " is " + name + " but no SSL bundles are configured",
                    "Define the bundle under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name
                            + ", or remove " + SSL_BUNDLE + ".");
        }
        try {
            return sslBundles.getBundle(name);
        } catch (RuntimeException e) {
            throw new EngineStartException(
                    SSL_BUNDLE + " names the SSL bundle '" + name + "', which cannot be used: " + e.getMessage(),
                    "Define the bundle under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name
                            + " (its trust store holds the CA of the cluster's HTTP certificate), or correct "
                            + SSL_BUNDLE + ".",
                    e);
        }
    }

    private static Node node(String text) {
        // Boot's rule: a URI without a scheme is http.
        URI uri = URI.create(text.startsWith("http://") || text.startsWith("https://") ? text : "http://" + text);
        Node.Protocol protocol = Node.Protocol.valueOf(uri.getScheme().toUpperCase(Locale.ROOT));
        String userInfo = uri.getUserInfo();
        if (!StringUtils.hasLength(userInfo)) {
            return new Node(uri.getHost(), uri.getPort(), protocol, null, null);
        }
        int colon = userInfo.indexOf(':');
        return colon < 0
                ? new Node(uri.getHost(), uri.getPort(), protocol, userInfo, null)
                : new Node(
                        uri.getHost(),
                        uri.getPort(),
                        protocol,
                        userInfo.substring(0, colon),
                        userInfo.substring(colon + 1));
    }

    /** The node's address without its user info, for messages and logs. */
    static URI address(Node node) {
        return URI.create(scheme(node) + "://" + node.hostname() + (node.port() < 0 ? "" : ":" + node.port()));
    }

    static String scheme(Node node) {
        return node.protocol().name().toLowerCase(Locale.ROOT);
    }
}
