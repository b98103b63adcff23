package org.athar.backup;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code athar.backup.*}: the snapshot repository backups go to. Embedded mode needs neither: Athar registers
 * {@code athar-backups} at {@code <data-dir>/backups}. Against a cluster, {@code repository} names a repository the
 * operator registered; with {@code location} as well, Athar registers it itself as a shared file system repository
 * (the path must be in {@code path.repo} of every node).
 *
 * @param repository the Elasticsearch snapshot repository backups go to (embedded mode: {@code athar-backups})
 * @param location a directory for a shared file system repository Athar registers itself; on a cluster it must be
 *     in {@code path.repo} of every node (embedded mode: {@code <data-dir>/backups})
 */
@ConfigurationProperties("athar.backup")
public record BackupProperties(String repository, Path location) {

    /** The repository name embedded mode uses, and the default when only a location is given. */
    public static final String EMBEDDED_REPOSITORY = "athar-backups";

    Optional<String> repositoryIfSet() {
        return Optional.ofNullable(repository).filter(r -> !r.isBlank());
    }

    Optional<Path> locationIfSet() {
        return Optional.ofNullable(location);
    }
}
