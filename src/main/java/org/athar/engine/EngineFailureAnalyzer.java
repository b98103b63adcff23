package org.athar.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an engine start failure into Spring Boot's short "what happened / what to do" report, not a stack trace. */
class EngineFailureAnalyzer extends AbstractFailureAnalyzer<EngineStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EngineStartException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
