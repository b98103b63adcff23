package org.athar.engine;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}: UP only when the engine answers and Athar's aliases exist. */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

    private final EngineStatus status;
    private final EngineEndpoint endpoint;

    EngineHealthIndicator(EngineStatus status, EngineEndpoint endpoint) {
        this.status = status;
        this.endpoint = endpoint;
    }

    @Override
    public Health health() {
        EngineStatus.Snapshot s = status.current();
        Health.Builder builder = s.up() ? Health.up() : Health.down();
        builder.withDetail("mode", endpoint.mode())
                .withDetail("cluster", s.clusterHealth())
                .withDetail("alias", EngineIndices.REPORTS)
                .withDetail("aliasReady", s.indicesReady());
        s.problem().ifPresent(p -> builder.withDetail("problem", p));
        return builder.build();
    }
}
