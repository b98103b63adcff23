package org.athar.engine;

import java.net.URI;

/** The engine contract on the embedded node every test shares. */
class EmbeddedEngineContractTest extends EngineContract {

    @Override
    URI engineUri() {
        return TestEngine.uri();
    }
}
