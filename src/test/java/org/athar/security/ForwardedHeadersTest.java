package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/**
 * {@code X-Forwarded-*} believed only from {@code athar.security.trusted-proxies}, through the valves Tomcat runs:
 * the client address the audit log records and whether the request counts as HTTPS.
 */
class ForwardedHeadersTest {

    private record Seen(String address, boolean secure) {}

    /** Tomcat's valves as Spring Boot sets them up with {@code native} forwarded headers, plus Athar's guard. */
    private static Seen through(List<String> trusted, String peer, String... headers) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve bootsValve = new RemoteIpValve(); // as Spring Boot configures it
        bootsValve.setRemoteIpHeader("X-Forwarded-For");
        bootsValve.setProtocolHeader("X-Forwarded-Proto");
        factory.addEngineValves(bootsValve);
        new ForwardedHeaders(new AtharSecurityProperties(
                        null,
                        java.util.Set.of(),
                        java.time.Duration.ofMinutes(30),
                        AtharSecurityProperties.Throttle.defaults(),
                        trusted))
                .customize(factory);

        List<Seen> seen = new ArrayList<>();
        List<Valve> valves = new ArrayList<>(factory.getEngineValves());
        valves.add(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                seen.add(new Seen(request.getRemoteAddr(), request.isSecure()));
            }
        });
        for (int i = 0; i < valves.size() - 1; i++) {
            valves.get(i).setNext(valves.get(i + 1));
        }
        Request request = new Request(new Connector());
        request.setCoyoteRequest(new org.apache.coyote.Request());
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        for (int i = 0; i < headers.length; i += 2) {
            request.getCoyoteRequest().getMimeHeaders().addValue(headers[i]).setString(headers[i + 1]);
        }
        valves.get(0).invoke(request, new Response());
        return seen.get(0);
    }

    @Test
    void with_no_proxy_configured_nobody_chooses_the_address_not_even_from_loopback_or_a_private_network()
            throws Exception {
        for (String peer : List.of("127.0.0.1", "10.1.2.3", "192.168.0.9", "0:0:0:0:0:0:0:1")) {
            assertThat(through(List.of(), peer, "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"))
                    .isEqualTo(new Seen(peer, false));
        }
    }

    @Test
    void a_configured_proxy_names_the_client_and_the_scheme() throws Exception {
        assertThat(through(
                        List.of("10.0.0.0/8"),
                        "10.1.2.3",
                        "X-Forwarded-For",
                        "203.0.113.7",
                        "X-Forwarded-Proto",
                        "https"))
                .isEqualTo(new Seen("203.0.113.7", true));
        // A public proxy address works as well as a private one, and IPv6 ranges too.
        assertThat(through(
                        List.of("198.51.100.10", "2001:db8::/32"), "198.51.100.10", "X-Forwarded-For", "203.0.113.7"))
                .isEqualTo(new Seen("203.0.113.7", false));
        assertThat(through(List.of("2001:db8::/32"), "2001:db8:0:0:0:0:0:5", "X-Forwarded-For", "203.0.113.7"))
                .isEqualTo(new Seen("203.0.113.7", false));
    }

    @Test
    void what_the_client_wrote_left_of_the_proxies_entries_is_never_believed() throws Exception {
        // The client sent "X-Forwarded-For: 192.0.2.66"; nginx appended the address it saw.
        assertThat(through(List.of("127.0.0.1"), "127.0.0.1", "X-Forwarded-For", "192.0.2.66, 203.0.113.7"))
                .isEqualTo(new Seen("203.0.113.7", false));
        // Two proxies of ours in a row (a load balancer, then nginx): the first address that is not ours.
        assertThat(through(
                        List.of("127.0.0.1", "10.0.0.0/8"),
                        "127.0.0.1",
                        "X-Forwarded-For",
                        "192.0.2.66, 203.0.113.7, 10.0.0.4"))
                .isEqualTo(new Seen("203.0.113.7", false));
        // Headers repeated, and garbage where the client's address should be: the proxy's address is kept.
        assertThat(through(
                        List.of("127.0.0.1"),
                        "127.0.0.1",
                        "X-Forwarded-For",
                        "192.0.2.66",
                        "X-Forwarded-For",
                        "203.0.113.7"))
                .isEqualTo(new Seen("203.0.113.7", false));
        assertThat(through(List.of("127.0.0.1"), "127.0.0.1", "X-Forwarded-For", "evil.example, <script>"))
                .isEqualTo(new Seen("127.0.0.1", false));
    }

    @Test
    void a_host_name_or_a_typo_in_the_setting_stops_the_start_with_advice() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("athar.security.trusted-proxies")
                .hasMessageContaining("127.0.0.1,10.0.0.0/8");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("athar.security.trusted-proxies");
    }
}
