package org.athar.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The first valve of every request: {@code X-Forwarded-*} (and {@code Forwarded}) headers survive only when the
 * connection comes from a trusted proxy ({@link TrustedProxies}). Tomcat's own {@code RemoteIpValve} (which
 * {@code server.forward-headers-strategy=native} adds after this one) would otherwise believe any private or loopback
 * address, so anyone on the same network or machine could choose the client address the audit log records and the
 * sign-in throttle counts by. From a trusted proxy, {@code X-Forwarded-For} is reduced to the one client address
 * this valve resolved, which Tomcat's valve then applies together with the scheme (so cookies get {@code Secure}).
 */
final class ForwardedHeaderGuard extends ValveBase {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final List<String> FORWARDED = List.of(
            FORWARDED_FOR,
            "X-Forwarded-Proto",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix",
            "X-Forwarded-By",
            "X-Forwarded-Server",
            "X-Forwarded-Ssl",
            "Forwarded",
            "X-Real-IP");

    private final TrustedProxies trusted;

    ForwardedHeaderGuard(TrustedProxies trusted) {
        super(true);
        this.trusted = trusted;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
        if (!trusted.trusts(request.getRemoteAddr())) {
            FORWARDED.forEach(headers::removeHeader);
        } else {
            List<String> hops = new ArrayList<>();
            for (String value : Collections.list(headers.values(FORWARDED_FOR))) {
                for (String hop : value.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.strip());
                    }
                }
            }
            headers.removeHeader(FORWARDED_FOR);
            Optional<String> client = trusted.client(hops);
            client.ifPresent(address -> headers.addValue(FORWARDED_FOR).setString(address));
        }
        getNext().invoke(request, response);
    }
}
