package org.athar.engine;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The engine's HTTP addresses, whether Athar runs it itself, and the account Athar runs it with (embedded only);
 * closing it stops an embedded node.
 */
public record EngineEndpoint(List<URI> uris, String mode, AutoCloseable owner, Optional<EngineCredentials> credentials)
        implements AutoCloseable {

    /** An engine Athar signs in to with the configured credentials, if any (external mode, tests). */
    public EngineEndpoint(List<URI> uris, String mode, AutoCloseable owner) {
        this(uris, mode, owner, Optional.empty());
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
