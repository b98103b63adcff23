package org.athar.ingest;

import java.util.Optional;

/** How one upload is imported: the source for rows that name none, who imports it, and whether it is synthetic. */
public record ImportOptions(Optional<String> source, String importedBy, boolean synthetic) {

    public ImportOptions {
        source = source.map(String::trim).filter(s -> !s.isEmpty());
    }
}
