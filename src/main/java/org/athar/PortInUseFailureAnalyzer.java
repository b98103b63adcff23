package org.athar;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** Says which setting moves Athar to another port when its port is taken. */
class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                "Athar could not listen on port " + cause.getPort() + ": another program is already using it.",
                "Stop the program on port " + cause.getPort() + ", or start Athar on another port with "
                        + "--server.port=8081 (environment variable SERVER_PORT=8081).",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
