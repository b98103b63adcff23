package org.athar.engine;

import java.net.URI;
import java.util.List;

/** The engine's HTTP addresses and whether Athar runs it itself; closing it stops an embedded node. */
public record EngineEndpoint(List<URI> uris, String mode, AutoCloseable owner) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
