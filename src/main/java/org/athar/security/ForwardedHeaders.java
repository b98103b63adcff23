package org.athar.security;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ForwardedHeaderGuard} in front of Tomcat's valves, after Spring Boot has added its
 * {@code RemoteIpValve}. That valve is told to apply whatever forwarded headers reach it: the guard has already
 * removed those not sent by a trusted proxy (its own list of private addresses would trust any of them).
 */
@Component
class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

    private final TrustedProxies trusted;
    private final List<String> configured;

    ForwardedHeaders(AtharSecurityProperties properties) {
        this.configured = properties.trustedProxies();
        this.trusted = TrustedProxies.of(configured);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> valves = new ArrayList<>(factory.getEngineValves());
        for (Valve valve : valves) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(".*");
                remoteIp.setTrustedProxies(null);
            }
        }
        valves.add(0, new ForwardedHeaderGuard(trusted));
        factory.setEngineValves(valves);
        if (trusted.isEmpty()) {
            log.info("No trusted reverse proxy (athar.security.trusted-proxies): X-Forwarded-* headers are ignored "
                    + "and every request's client address is its connection's");
        } else {
            log.info("X-Forwarded-* headers are believed only from {}", configured);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer, which adds the RemoteIpValve
    }
}
