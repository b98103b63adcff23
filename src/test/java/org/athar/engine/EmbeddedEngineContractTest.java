package org.athar.engine;

import java.net.URI;
import java.util.Optional;

/** The engine contract on the embedded node every test shares. */
class EmbeddedEngineContractTest extends EngineContract {

    @Override
    URI engineUri() {
        return TestEngine.uri();
    }

    @Override
    Optional<EngineCredentials> engineCredentials() {
        return Optional.of(TestEngine.credentials());
    }
}
